import enum
import ssl
from ssl import TLSVersion
from ssl import TLSVersion as Floor

client = ssl.create_default_context()
client.minimum_version = ssl.TLSVersion.TLSv1  # expect: ssl-min-version
client.minimum_version = ssl.TLSVersion.TLSv1_1  # expect: ssl-min-version
client.minimum_version = TLSVersion.SSLv3  # expect: ssl-min-version
client.minimum_version = Floor.MINIMUM_SUPPORTED  # expect: ssl-min-version
client.minimum_version = ssl.TLSVersion.TLSv1_2
client.minimum_version = TLSVersion.TLSv1_3
client.minimum_version = Floor.MAXIMUM_SUPPORTED


class Server:
    def __init__(self):
        self.ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        self.ctx.minimum_version = ssl.TLSVersion.TLSv1  # expect: ssl-min-version


class OtherVersion(enum.IntEnum):
    TLSv1 = 1
    TLSv1_2 = 3


# Neither value resolves to ssl.TLSVersion, so neither selects anything.
client.minimum_version = 769
client.minimum_version = OtherVersion.TLSv1


def pool(urllib3):
    # urllib3 2.x takes a TLSVersion floor by keyword, and the keyword names the role.
    return urllib3.PoolManager(ssl_minimum_version=ssl.TLSVersion.TLSv1)  # expect: ssl-min-version
