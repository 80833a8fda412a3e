# Non-ASCII text and characters outside the Basic Multilingual Plane precede findings, so
# UTF-8, UTF-16 and UTF-32 columns all differ on these lines.
import ssl

naïve_höst = "örnek.invalid"; étiquette = "🔒 légacy 🚀"; ctx_ü = ssl.SSLContext(ssl.PROTOCOL_TLSv1)  # expect: ssl-proto-const
日本 = "接続"; 𝔠𝔱𝔵 = ssl.SSLContext(ssl.PROTOCOL_SSLv3)  # expect: ssl-proto-const
emoji = "👩‍💻🏳️‍🌈"; ctx = ssl.wrap_socket(object(), ssl_version=ssl.PROTOCOL_TLSv1_1)  # expect: ssl-proto-const
combining = "é"; zwj = "a‍b"; é = ssl.SSLContext(ssl.PROTOCOL_TLSv1)  # expect: ssl-proto-const
ok = "🔐"; fine = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)  # 注释: 🔒 ssl.PROTOCOL_TLSv1
