import socket
import ssl

raw = socket.socket()

by_keyword = ssl.wrap_socket(raw, ssl_version=ssl.PROTOCOL_TLSv1)  # expect: ssl-proto-const
server_side = ssl.wrap_socket(raw, "k.pem", "c.pem", True, ssl_version=ssl.PROTOCOL_SSLv3)  # expect: ssl-proto-const

# sock, keyfile, certfile, server_side, cert_reqs, ssl_version: the version is index 5.
positional = ssl.wrap_socket(raw, None, None, False, ssl.CERT_NONE, ssl.PROTOCOL_TLSv1_1)  # expect: ssl-proto-const
positional_ok = ssl.wrap_socket(raw, None, None, False, ssl.CERT_NONE, ssl.PROTOCOL_TLSv1_2)
positional_flexible = ssl.wrap_socket(raw, None, None, False, ssl.CERT_NONE, ssl.PROTOCOL_TLS)


def wrap_with_star_args(args, sock):
    # After *args the parameter is unknown, but wrap_socket has no other parameter that takes a
    # protocol constant, so the constant is still a protocol selection and is reported.
    return ssl.wrap_socket(sock, *args, ssl.PROTOCOL_TLSv1)  # expect: ssl-proto-const


def wrap_with_star_args_ok(args, sock):
    return ssl.wrap_socket(sock, *args, ssl.PROTOCOL_TLSv1_2)


def wrap_with_kwargs(options, sock):
    return ssl.wrap_socket(sock, **options, ssl_version=ssl.PROTOCOL_SSLv2)  # expect: ssl-proto-const


def wrap_wrong_slot(sock):
    # Index 1 is keyfile, so this call fails at run time. The author still meant TLS 1.0, and a
    # reviewer wants to see that, so the constant is reported like any protocol value.
    return ssl.wrap_socket(sock, ssl.PROTOCOL_TLSv1)  # expect: ssl-proto-const


# SSLContext.wrap_socket has no version parameter, because the context decides.
modern = ssl.create_default_context().wrap_socket(raw, server_hostname="svc.invalid")
