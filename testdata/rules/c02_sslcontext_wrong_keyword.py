import ssl

# CPython ignores unknown keywords of SSLContext, so this context really is PROTOCOL_TLS. The
# intent to select TLS 1.0 is still reported, because the next edit may make it effective.
quirky = ssl.SSLContext(ssl_version=ssl.PROTOCOL_TLSv1)  # expect: ssl-proto-const
quirky_v3 = ssl.SSLContext(ssl_version=ssl.PROTOCOL_SSLv3)  # expect: ssl-proto-const
quirky_ok = ssl.SSLContext(ssl_version=ssl.PROTOCOL_TLSv1_2)
