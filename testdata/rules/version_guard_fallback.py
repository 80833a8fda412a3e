import ssl
import sys

# Code in a version fallback still runs on the interpreters it targets, so it is reported.
if sys.version_info < (2, 7, 9):
    PROTOCOL = ssl.PROTOCOL_TLSv1  # expect: ssl-proto-const
else:
    PROTOCOL = ssl.PROTOCOL_TLS_CLIENT

if not hasattr(ssl, "PROTOCOL_TLS_CLIENT"):
    FALLBACK = ssl.PROTOCOL_SSLv3  # expect: ssl-proto-const
