# Expected safe fixes: an insecure set_min_proto_version argument becomes SSL.TLS1_2_VERSION
# and an insecure set_max_proto_version argument becomes SSL.TLS1_3_VERSION. The literal 0
# ("lowest supported") as a floor is replaced by SSL.TLS1_2_VERSION, written with `SSL`, the
# name this file already binds to OpenSSL.SSL. Without such a name the fix would need a new
# import and is not offered as safe.
from OpenSSL import SSL

ctx = SSL.Context(SSL.TLS_METHOD)
ctx.set_min_proto_version(SSL.TLS1_2_VERSION)
ctx.set_max_proto_version(SSL.TLS1_3_VERSION)

anything_goes = SSL.Context(SSL.TLS_CLIENT_METHOD)
anything_goes.set_min_proto_version(SSL.TLS1_2_VERSION)
