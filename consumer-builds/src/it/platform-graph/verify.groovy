// Reads the graph that `mvn -Djavacpp.platform=linux-x86_64 verify` resolved for a user with rl4j-preqn and
// nd4j-native-platform (maven-dependency-plugin's list and tree, written to target/).
def osClassifier = ~/(linux|macosx|windows|android|ios)-.+/
def parse = { String coords ->            // groupId:artifactId:type[:classifier]:version[:scope]
    def p = coords.split(':')
    [group: p[0], artifact: p[1], classifier: p.length >= 6 ? p[3] : '', text: coords]
}

// 1. the resolved artifacts (runtime classpath)
def listed = new File(basedir, 'target/dependency-list.txt').readLines()
        .collect { it.trim() }.findAll { it ==~ /[\w.\-]+:[\w.\-]+:.+/ }
        .collect { parse(it.split(/\s+/)[0]) }
assert listed.any { it.group == 'dev.rl4j' && it.artifact == 'rl4j-preqn' }
def backends = listed.findAll { it.group == 'org.nd4j' && it.artifact ==~ /nd4j-(native|cuda-[\d.]+)/ }
assert backends*.artifact.unique() == ['nd4j-native'] : "expected exactly one ND4J backend, got ${backends*.text}"
assert backends*.classifier.sort() == ['', 'linux-x86_64'] : "nd4j-native natives: ${backends*.text}"
assert !listed.any { it.artifact.startsWith('nd4j-cuda') }
def foreign = listed.findAll { it.classifier ==~ osClassifier && it.classifier != 'linux-x86_64' }
assert foreign.isEmpty() : "-Djavacpp.platform=linux-x86_64 should leave only Linux natives, got ${foreign*.text}"

// 2. the tree: no OS-classified node at or below a dev.rl4j node
def stack = []                                // ancestors of the current node: [depth, node]
int checked = 0
new File(basedir, 'target/dependency-tree.txt').readLines().drop(1).each { line ->
    def m = line =~ /^((?:[| ]  )*)[+\\]- (\S+)/
    if (!m.find()) return
    int depth = m.group(1).length() / 3
    def node = parse(m.group(2))
    while (stack && stack[-1][0] >= depth) stack.remove(stack.size() - 1)
    def rl4jAncestor = stack.find { it[1].group == 'dev.rl4j' }
    if (rl4jAncestor || node.group == 'dev.rl4j') {
        checked++
        assert !(node.classifier ==~ osClassifier) :
                "${node.text} is brought by ${(rl4jAncestor ?: [0, node])[1].text}: the libraries must stay platform-neutral"
    }
    stack << [depth, node]
}
assert checked > 10 : "too few nodes below dev.rl4j in the tree (${checked}): was it written?"
println "platform-graph: backends ${backends*.text}; ${checked} nodes at or below dev.rl4j, none OS-classified"
return true
