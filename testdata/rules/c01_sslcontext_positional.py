import ssl


def build_contexts():
    sslv2 = ssl.SSLContext(ssl.PROTOCOL_SSLv2)  # expect: ssl-proto-const
    sslv3 = ssl.SSLContext(ssl.PROTOCOL_SSLv3)  # expect: ssl-proto-const
    tls10 = ssl.SSLContext(ssl.PROTOCOL_TLSv1)  # expect: ssl-proto-const
    tls11 = ssl.SSLContext(ssl.PROTOCOL_TLSv1_1)  # expect: ssl-proto-const
    tls12 = ssl.SSLContext(ssl.PROTOCOL_TLSv1_2)
    client = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    server = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    return sslv2, sslv3, tls10, tls11, tls12, client, server


class Listener:
    def __init__(self):
        self.context = ssl.SSLContext(ssl.PROTOCOL_TLSv1)  # expect: ssl-proto-const
        self.context.load_cert_chain("server.pem", "server.key")
