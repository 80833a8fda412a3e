# Expected safe fixes: two bare names from one `from ssl import` line both become
# PROTOCOL_TLSv1_2, and the import list gains that name once, after its first insecure entry.
from ssl import PROTOCOL_TLSv1, PROTOCOL_TLSv1_1, SSLContext

old = SSLContext(PROTOCOL_TLSv1)
older = SSLContext(PROTOCOL_TLSv1_1)
