# Expected safe fixes: in the module-level ssl.wrap_socket the insecure version becomes
# ssl.PROTOCOL_TLSv1_2, by keyword or in the sixth position, for client and server sockets
# alike. ssl.PROTOCOL_TLS_CLIENT is never written here: wrap_socket's default
# cert_reqs=CERT_NONE collides with the hostname check of a TLS_CLIENT context and the call
# raises ValueError (CPython 3.11). get_server_certificate builds its own context with hostname
# checking off, and PROTOCOL_TLS_CLIENT is its default, so that argument becomes
# ssl.PROTOCOL_TLS_CLIENT.
import socket
import ssl

raw = socket.socket()
client = ssl.wrap_socket(raw, ssl_version=ssl.PROTOCOL_TLSv1_2)
server = ssl.wrap_socket(raw, "srv.key", "srv.pem", True, ssl.CERT_NONE, ssl.PROTOCOL_TLSv1_2)
pem = ssl.get_server_certificate(("legacy.invalid", 443), ssl.PROTOCOL_TLS_CLIENT)
