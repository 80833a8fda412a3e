import ssl

ADDRESS = ("legacy.invalid", 443)

pem_positional = ssl.get_server_certificate(ADDRESS, ssl.PROTOCOL_TLSv1)  # expect: ssl-proto-const
pem_keyword = ssl.get_server_certificate(ADDRESS, ssl_version=ssl.PROTOCOL_SSLv3)  # expect: ssl-proto-const
pem_default = ssl.get_server_certificate(ADDRESS)
pem_ok = ssl.get_server_certificate(ADDRESS, ssl.PROTOCOL_TLS_CLIENT)
pem_ca = ssl.get_server_certificate(ADDRESS, ssl.PROTOCOL_TLSv1_2, "ca.pem")
