package dev.rl4j.ntk.activation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Random;
import org.deeplearning4j.nn.conf.serde.JsonMappers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Unit tests of {@link ActivationSin} on plain arrays: values, derivative, validation, value semantics. */
class ActivationSinTest {

    /** 3 x 7 grid of pre-activations in [-3, 3], including 0 and values where w0 * z crosses several periods. */
    static double[][] grid() {
        double[][] z = new double[3][7];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 7; c++) {
                z[r][c] = -3.0 + (r * 7 + c) * 6.0 / 20.0;
            }
        }
        return z;
    }

    @ParameterizedTest(name = "w0 = {0}")
    @ValueSource(doubles = {0.5, 1.0, 2.0, 30.0})
    void forwardMatchesMathSinInDoubleInPlace(double w0) {
        double[][] z = grid();
        INDArray in = Nd4j.create(z);
        assertThat(in.dataType()).isEqualTo(DataType.DOUBLE);

        INDArray out = new ActivationSin(w0).getActivation(in, true);

        assertThat(out).isSameAs(in); // DL4J convention: transform in place and return "in"
        assertThat(out.dataType()).isEqualTo(DataType.DOUBLE);
        assertThat(out.shape()).containsExactly(3, 7);
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 7; c++) {
                assertThat(out.getDouble(r, c)).as("z = %s", z[r][c]).isCloseTo(Math.sin(w0 * z[r][c]), within(1e-12));
            }
        }
    }

    @ParameterizedTest(name = "w0 = {0}")
    @ValueSource(doubles = {0.5, 1.0, 2.0, 30.0})
    void forwardMatchesMathSinInFloatAndStaysFloat(double w0) {
        double[][] z = grid();
        INDArray in = Nd4j.create(z).castTo(DataType.FLOAT);

        INDArray out = new ActivationSin(w0).getActivation(in, false);

        assertThat(out.dataType()).isEqualTo(DataType.FLOAT);
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 7; c++) {
                double zf = (float) z[r][c];
                // float rounding of w0 * z (|w0 z| <= 90, half an ulp ~ 4e-6) dominates the error
                assertThat(out.getDouble(r, c)).as("z = %s", zf).isCloseTo(Math.sin(w0 * zf), within(2e-5));
            }
        }
    }

    @Test
    void defaultFrequencyIsOneAndGivesPlainSin() {
        ActivationSin sin = new ActivationSin();
        assertThat(sin.getW0()).isEqualTo(1.0);
        INDArray out = sin.getActivation(Nd4j.create(new double[] {0.0, 0.5, -1.25}), true);
        assertThat(out.toDoubleVector()).containsExactly(new double[] {0.0, Math.sin(0.5), Math.sin(-1.25)},
                within(1e-15));
    }

    @ParameterizedTest(name = "w0 = {0}")
    @ValueSource(doubles = {0.5, 1.0, 2.0, 30.0})
    void backpropMatchesCentralFiniteDifferencesInDouble(double w0) {
        ActivationSin sin = new ActivationSin(w0);
        Random rng = new Random(42);
        double[][] zData = grid();
        double[][] epsData = new double[3][7];
        for (double[] row : epsData) {
            for (int c = 0; c < row.length; c++) {
                row[c] = rng.nextGaussian();
            }
        }
        INDArray z = Nd4j.create(zData);
        INDArray eps = Nd4j.create(epsData);
        INDArray epsBefore = eps.dup();

        Pair<INDArray, INDArray> grads = sin.backprop(z.dup(), eps);
        INDArray analytic = grads.getFirst();
        assertThat(grads.getSecond()).as("no activation parameters").isNull();
        assertThat(analytic.dataType()).isEqualTo(DataType.DOUBLE);
        assertThat(eps.equalsWithEps(epsBefore, 0.0)).as("epsilon untouched").isTrue();

        // L(z) = sum eps .* f(z); f is element-wise, so dL/dz_i = eps_i (f(z_i + h) - f(z_i - h)) / 2h.
        // h scaled by 1/w0 keeps truncation ~ (w0 h)^2 / 6 and round-off ~ 1e-16 / (w0 h) both ~ 1e-11 relative.
        double h = 1e-5 / w0;
        INDArray plus = sin.getActivation(z.add(h), false);
        INDArray minus = sin.getActivation(z.sub(h), false);
        INDArray numeric = plus.sub(minus).divi(2 * h).muli(eps);

        double relErr = analytic.sub(numeric).norm2Number().doubleValue() / numeric.norm2Number().doubleValue();
        assertThat(relErr).as("||analytic - numeric|| / ||numeric||").isLessThanOrEqualTo(1e-8);

        // and the closed form w0 cos(w0 z) eps, element by element
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 7; c++) {
                double expected = epsData[r][c] * w0 * Math.cos(w0 * zData[r][c]);
                assertThat(analytic.getDouble(r, c)).isCloseTo(expected, within(1e-12 * Math.max(1.0, w0)));
            }
        }
    }

    @Test
    void backpropWorksInPlaceAndKeepsFloat() {
        INDArray z = Nd4j.create(grid()).castTo(DataType.FLOAT);
        INDArray eps = Nd4j.onesLike(z);

        INDArray dLdz = new ActivationSin(2.0).backprop(z, eps).getFirst();

        assertThat(dLdz).isSameAs(z); // like ActivationTanH / ActivationELU: the result overwrites "in"
        assertThat(dLdz.dataType()).isEqualTo(DataType.FLOAT);
        double z0 = (float) grid()[0][0];
        assertThat(dLdz.getDouble(0, 0)).isCloseTo(2.0 * Math.cos(2.0 * z0), within(1e-5));
    }

    @Test
    void backpropRejectsEpsilonOfAnotherShape() {
        INDArray z = Nd4j.zeros(DataType.DOUBLE, 2, 3);
        INDArray eps = Nd4j.zeros(DataType.DOUBLE, 3, 2);

        assertThatThrownBy(() -> new ActivationSin().backprop(z, eps))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Shapes must be equal");
    }

    @ParameterizedTest(name = "w0 = {0}")
    @ValueSource(doubles = {0.0, -0.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void constructorRejectsAFrequencyThatIsNotFiniteAndPositive(double w0) {
        assertThatThrownBy(() -> new ActivationSin(w0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("w0 must be finite and > 0, got " + w0);
    }

    @Test
    void constructorAcceptsSmallAndLargePositiveFrequencies() {
        assertThat(new ActivationSin(Double.MIN_VALUE).getW0()).isEqualTo(Double.MIN_VALUE);
        assertThat(new ActivationSin(1e6).getW0()).isEqualTo(1e6);
    }

    @Test
    void jsonWithAnInvalidFrequencyIsRejectedOnLoad() {
        String json = "{\"@class\" : \"dev.rl4j.ntk.activation.ActivationSin\", \"w0\" : -1.0}";

        assertThatThrownBy(() -> JsonMappers.getMapper().readValue(json, IActivation.class))
                .hasRootCauseInstanceOf(IllegalArgumentException.class)
                .hasRootCauseMessage("w0 must be finite and > 0, got -1.0");
    }

    @Test
    void jsonWithoutAFrequencyLoadsTheDefault() throws Exception {
        String json = "{\"@class\" : \"dev.rl4j.ntk.activation.ActivationSin\"}";

        IActivation a = JsonMappers.getMapper().readValue(json, IActivation.class);

        assertThat(a).isEqualTo(new ActivationSin());
    }

    @Test
    void activationJsonCarriesClassNameAndFrequencyAndRoundTrips() throws Exception {
        IActivation original = new ActivationSin(2.5);

        String json = JsonMappers.getMapper().writeValueAsString(original);
        IActivation restored = JsonMappers.getMapper().readValue(json, IActivation.class);

        assertThat(json).contains("\"@class\" : \"dev.rl4j.ntk.activation.ActivationSin\"").contains("\"w0\" : 2.5");
        assertThat(restored).isEqualTo(original).isNotSameAs(original);
    }

    @Test
    void equalsHashCodeAndToStringUseTheFrequency() {
        assertThat(new ActivationSin(2.0)).isEqualTo(new ActivationSin(2.0)).hasSameHashCodeAs(new ActivationSin(2.0))
                .isNotEqualTo(new ActivationSin(3.0)).isNotEqualTo(null).isNotEqualTo("sin(w0=2.0)");
        assertThat(new ActivationSin()).hasToString("sin(w0=1.0)");
        assertThat(new ActivationSin(30)).hasToString("sin(w0=30.0)");
        assertThat(new ActivationSin().numParams(10)).isZero();
    }

    @Test
    void javaSerializationRoundTrips() throws Exception {
        ActivationSin original = new ActivationSin(3.0);
        var bytes = new ByteArrayOutputStream();
        try (var out = new ObjectOutputStream(bytes)) {
            out.writeObject(original);
        }
        Object restored;
        try (var in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            restored = in.readObject();
        }
        assertThat(restored).isEqualTo(original);
    }
}
