import ftplib
import ssl
from ftplib import FTP_TLS

LEGACY_PROTOCOL = ssl.PROTOCOL_TLSv1  # expect: ssl-proto-const
ANNOTATED: int = ssl.PROTOCOL_TLSv1_1  # expect: ssl-proto-const
FIRST = SECOND = ssl.PROTOCOL_SSLv3  # expect: ssl-proto-const
OLD, NEW = ssl.PROTOCOL_TLSv1, ssl.PROTOCOL_TLSv1_2  # expect: ssl-proto-const
MODERN = ssl.PROTOCOL_TLS_CLIENT


def make():
    # The variable is reported where the constant appears, not here where it is used.
    return ssl.SSLContext(LEGACY_PROTOCOL)


class Session:
    def __init__(self):
        self.ssl_version = ssl.PROTOCOL_TLSv1  # expect: ssl-proto-const
        self.ok_version = ssl.PROTOCOL_TLS_CLIENT


class LegacyFtp(ftplib.FTP_TLS):
    ssl_version = ssl.PROTOCOL_TLSv1  # expect: ssl-proto-const


class LegacyFtpBare(FTP_TLS):
    ssl_version = ssl.PROTOCOL_SSLv3  # expect: ssl-proto-const


class ModernFtp(ftplib.FTP_TLS):
    ssl_version = ssl.PROTOCOL_TLS_CLIENT


ftplib.FTP_TLS.ssl_version = ssl.PROTOCOL_TLSv1_1  # expect: ssl-proto-const


def walrus(choose):
    # An assignment expression stores the constant like any assignment.
    if (chosen := ssl.PROTOCOL_TLSv1) and choose:  # expect: ssl-proto-const
        return ssl.SSLContext(chosen)
    if (fine := ssl.PROTOCOL_TLS_CLIENT) and choose:
        return ssl.SSLContext(fine)
    return None

