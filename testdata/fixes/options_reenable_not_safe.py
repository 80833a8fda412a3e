# Expected safe fixes: only the minimum_version line changes (to TLSVersion.TLSv1_2). The
# options-reenable findings keep their code: their fix deletes the statement, which is offered
# but not safe, so fix-all leaves them. Deleting the first one would leave the `if` block empty
# (a syntax error), and deleting the second would leave `options` unbound on the next line.
import ssl

LEGACY_PEERS = False

ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
ctx.minimum_version = ssl.TLSVersion.TLSv1
if LEGACY_PEERS:
    ctx.options &= ~ssl.OP_NO_TLSv1
options = ctx.options & ~ssl.OP_NO_TLSv1_1
ctx.options = options
