# This file has CRLF line endings. Columns and lines must not count the carriage returns.
import ssl
from OpenSSL import SSL


def make():
    first = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    second = ssl.SSLContext(ssl.PROTOCOL_TLSv1)  # expect: ssl-proto-const
    third = ssl.SSLContext(
        ssl.PROTOCOL_SSLv3,  # expect: ssl-proto-const
    )
    return first, second, third


legacy = SSL.Context(SSL.TLSv1_1_METHOD)  # expect: pyopenssl-method
text = "a string with a \r\n escape, not a line end"
