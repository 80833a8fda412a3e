# Indented with tabs. A tab counts as one column.
import ssl


class Legacy:
	def build(self):
		ctx = ssl.SSLContext(ssl.PROTOCOL_TLSv1)  # expect: ssl-proto-const
		ctx.minimum_version = ssl.TLSVersion.TLSv1_1  # expect: ssl-min-version
		if ctx:
			return ssl.SSLContext(	ssl.PROTOCOL_SSLv3)  # expect: ssl-proto-const
		return ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
