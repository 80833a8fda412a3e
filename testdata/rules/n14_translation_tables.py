import ssl

import OpenSSL.SSL

# Maps the standard library's protocol constants to pyOpenSSL methods. A key-value pair that
# translates one family into the other selects nothing by itself.
METHOD_FOR_PROTOCOL = {
    ssl.PROTOCOL_TLS_CLIENT: OpenSSL.SSL.TLS_CLIENT_METHOD,
    ssl.PROTOCOL_TLSv1: OpenSSL.SSL.TLSv1_METHOD,
    ssl.PROTOCOL_TLSv1_1: OpenSSL.SSL.TLSv1_1_METHOD,
}

VERSION_RANGE = {}
if hasattr(ssl, "PROTOCOL_SSLv3"):
    VERSION_RANGE[ssl.PROTOCOL_SSLv3] = (0x0300, 0x0300)
VERSION_RANGE[ssl.PROTOCOL_TLSv1] = (0x0301, 0x0301)
VERSION_RANGE[ssl.PROTOCOL_TLSv1_1] = (ssl.TLSVersion.TLSv1_1, ssl.TLSVersion.TLSv1_1)
FLOOR_FOR_PROTOCOL = dict([(ssl.PROTOCOL_TLSv1, ssl.TLSVersion.TLSv1)])


def method_for(protocol):
    return METHOD_FOR_PROTOCOL[protocol]
