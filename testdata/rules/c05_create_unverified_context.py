import ssl

unverified = ssl._create_unverified_context(ssl.PROTOCOL_TLSv1)  # expect: ssl-proto-const
unverified_kw = ssl._create_unverified_context(protocol=ssl.PROTOCOL_TLSv1_1)  # expect: ssl-proto-const
stdlib_ctx = ssl._create_stdlib_context(ssl.PROTOCOL_SSLv3)  # expect: ssl-proto-const
unverified_default = ssl._create_unverified_context()
unverified_ok = ssl._create_unverified_context(ssl.PROTOCOL_TLS_CLIENT)
