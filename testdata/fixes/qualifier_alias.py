# Expected safe fixes: each insecure constant becomes PROTOCOL_TLSv1_2 behind the user's own
# qualifier `s.`. PROTOCOL_TLSv1_2 keeps the verification defaults of the old context (no
# hostname check, CERT_NONE), so the `verify_mode` line below keeps working. PROTOCOL_TLS_CLIENT
# would make that line raise ValueError. The ignored keyword `ssl_version=` of SSLContext is
# replaced by the positional protocol, which is the parameter the author meant.
import ssl as s

ctx = s.SSLContext(s.PROTOCOL_TLSv1)
ctx.verify_mode = s.CERT_NONE
quirky = s.SSLContext(ssl_version=s.PROTOCOL_TLSv1_1)
server = s.SSLContext(protocol=s.PROTOCOL_SSLv3)
server.load_cert_chain("server.pem")
