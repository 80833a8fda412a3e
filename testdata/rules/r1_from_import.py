from ssl import PROTOCOL_SSLv2, SSLContext, wrap_socket
from ssl import PROTOCOL_TLSv1 as P
from ssl import (
    PROTOCOL_TLS_CLIENT,
    PROTOCOL_TLSv1_1 as OLD_PROTOCOL,
    TLSVersion as V,
)

ancient = SSLContext(PROTOCOL_SSLv2)  # expect: ssl-proto-const
aliased = SSLContext(P)  # expect: ssl-proto-const
tunnel = wrap_socket(object(), ssl_version=P)  # expect: ssl-proto-const
older = SSLContext(protocol=OLD_PROTOCOL)  # expect: ssl-proto-const
modern = SSLContext(PROTOCOL_TLS_CLIENT)
modern.minimum_version = V.TLSv1  # expect: ssl-min-version
modern.maximum_version = V.TLSv1_3
