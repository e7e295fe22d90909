package dev.rl4j.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonLineTest {

    @Test
    void writesKeysInInsertionOrderOnOneLine() {
        String s = new JsonLine().put("b", 1).put("a", "x").put("c", true).toString();
        assertThat(s).isEqualTo("{\"b\":1,\"a\":\"x\",\"c\":true}");
    }

    @Test
    void writesNonFiniteDoublesAsNull() {
        String s = new JsonLine().put("nan", Double.NaN).put("inf", Double.POSITIVE_INFINITY).put("x", 0.5).toString();
        assertThat(s).isEqualTo("{\"nan\":null,\"inf\":null,\"x\":0.5}");
    }

    @Test
    void writesArraysListsAndNestedMaps() {
        String s = new JsonLine().put("d", new double[] {1.5, Double.NaN}).put("i", new int[] {1, 2})
                .put("l", List.of("a", "b")).put("m", Map.of("k", 2)).toString();
        assertThat(s).isEqualTo("{\"d\":[1.5,null],\"i\":[1,2],\"l\":[\"a\",\"b\"],\"m\":{\"k\":2}}");
    }

    @Test
    void escapesQuotesBackslashesAndControlCharacters() {
        assertThat(new JsonLine().put("s", "a\"b\\c\nd\u0001").toString())
                .isEqualTo("{\"s\":\"a\\\"b\\\\c\\nd\\u0001\"}");
    }

    @Test
    void awkwardStringsRoundTripThroughAJsonParser() throws Exception {
        String awkward = "quote \" backslash \\ newline \n unicode \u00e9\u4e2d\ud83d\ude00 ctl \u0001";
        String line = new JsonLine().put("s", awkward).put("nested", Map.of("t", awkward)).put("nan", Double.NaN)
                .toString();
        assertThat(line).doesNotContain("\n").doesNotContain("NaN");
        com.fasterxml.jackson.databind.JsonNode n = new com.fasterxml.jackson.databind.ObjectMapper().readTree(line);
        assertThat(n.get("s").asText()).isEqualTo(awkward);
        assertThat(n.get("nested").get("t").asText()).isEqualTo(awkward);
        assertThat(n.get("nan").isNull()).isTrue();
    }
}
