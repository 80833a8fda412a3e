import ssl

import websocket
from tornado.httpserver import HTTPServer

socket_options = {
    "cert_reqs": ssl.CERT_REQUIRED,
    "ssl_version": ssl.PROTOCOL_TLSv1,  # expect: ssl-proto-const
}
other_options = dict(ssl_version=ssl.PROTOCOL_SSLv3)  # expect: ssl-proto-const
fine_options = {"ssl_version": ssl.PROTOCOL_TLS_CLIENT}

ws = websocket.create_connection(
    "wss://legacy.invalid",
    sslopt={"cert_reqs": ssl.CERT_NONE, "ssl_version": ssl.PROTOCOL_TLSv1_1},  # expect: ssl-proto-const
)


def serve(app):
    return HTTPServer(
        app,
        ssl_options={
            "certfile": "srv.pem",
            "ssl_version": ssl.PROTOCOL_TLSv1,  # expect: ssl-proto-const
        },
    )


settings = {}
settings["ssl_version"] = ssl.PROTOCOL_SSLv2  # expect: ssl-proto-const
settings.update(ssl_version=ssl.PROTOCOL_TLSv1)  # expect: ssl-proto-const
settings.setdefault("ssl_version", ssl.PROTOCOL_TLSv1_1)  # expect: ssl-proto-const
merged = {**settings, "ssl_version": ssl.PROTOCOL_TLSv1}  # expect: ssl-proto-const
settings["ssl_version"] = ssl.PROTOCOL_TLS_CLIENT
