from ssl import *

legacy = SSLContext(PROTOCOL_TLSv1)  # expect: ssl-proto-const
legacy.minimum_version = TLSVersion.TLSv1_1  # expect: ssl-min-version
legacy.options &= ~OP_NO_SSLv3  # expect: options-reenable
modern = SSLContext(PROTOCOL_TLS_CLIENT)
modern.options |= OP_NO_TLSv1 | OP_NO_TLSv1_1
