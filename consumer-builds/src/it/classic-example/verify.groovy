// The example trained (its main throws otherwise) and the one-line listener probed during training.
def log = new File(basedir, 'build.log').text
assert log.contains('classic-example: TRAINED')

def csv = new File(basedir, 'target/ntk.csv')
assert csv.isFile() : 'the diagnostics listener wrote no target/ntk.csv'
def lines = csv.readLines().findAll { it.trim() }
assert lines.size() >= 3 : "expected a header and at least 2 probes (period 40, ~160 updates), got ${lines.size() - 1}"
assert lines[0].contains('ntk/beta')
assert new File(basedir, 'target/pol1').length() > 0
return true
