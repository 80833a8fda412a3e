# Expected safe fixes: a name imported bare with `from ssl import` stays bare, so both uses
# become PROTOCOL_TLSv1_2, and the import list gains PROTOCOL_TLSv1_2 once (not once per
# finding), right after the entry it replaces. PROTOCOL_TLSv1 stays imported, because removing
# an import is not part of a minimal fix.
from ssl import PROTOCOL_TLSv1, SSLContext, wrap_socket


def client(sock):
    return wrap_socket(sock, ssl_version=PROTOCOL_TLSv1)


def server():
    return SSLContext(PROTOCOL_TLSv1)
