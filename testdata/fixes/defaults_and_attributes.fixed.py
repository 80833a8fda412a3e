# Expected safe fixes: parameter defaults (also in a lambda), instance attributes and module
# constants get PROTOCOL_TLSv1_2 or TLSVersion.TLSv1_2, which keep the behaviour of the code
# that receives them. The ssl_version class attribute of an ftplib.FTP_TLS subclass gets
# PROTOCOL_TLS_CLIENT instead: that is the base class's own value, and FTP_TLS builds its
# context with hostname checking off, so verification does not change (CPython 3.11).
import ftplib
import ssl

LEGACY = ssl.PROTOCOL_TLSv1_2


def connect(host, version=ssl.PROTOCOL_TLSv1_2):
    return ssl.SSLContext(version), host


def lower(ctx, *, floor=ssl.TLSVersion.TLSv1_2):
    ctx.minimum_version = floor


make = lambda proto=ssl.PROTOCOL_TLSv1_2: ssl.SSLContext(proto)


class Session:
    def __init__(self):
        self.ssl_version = ssl.PROTOCOL_TLSv1_2


class LegacyFtp(ftplib.FTP_TLS):
    ssl_version = ssl.PROTOCOL_TLS_CLIENT
