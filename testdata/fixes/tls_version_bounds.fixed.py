# Expected safe fixes: an insecure floor becomes TLSVersion.TLSv1_2 and an insecure cap becomes
# TLSVersion.TLSv1_3, each behind the qualifier the user wrote (`ssl.TLSVersion.` or the
# from-imported `TLSVersion.`). MINIMUM_SUPPORTED as a floor becomes TLSv1_2 as well. The
# results never put the floor above the cap: 1.2 and 1.3.
import ssl
from ssl import TLSVersion

client = ssl.create_default_context()
client.minimum_version = ssl.TLSVersion.TLSv1_2
client.maximum_version = ssl.TLSVersion.TLSv1_3

server = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
server.minimum_version = TLSVersion.TLSv1_2
server.maximum_version = TLSVersion.TLSv1_3
