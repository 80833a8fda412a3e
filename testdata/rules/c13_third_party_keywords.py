import ssl

import ldap3
import paho.mqtt.client as mqtt
import urllib3
from OpenSSL import SSL
from requests.adapters import HTTPAdapter
from urllib3.poolmanager import PoolManager

pool = urllib3.PoolManager(ssl_version=ssl.PROTOCOL_TLSv1)  # expect: ssl-proto-const
conn = urllib3.HTTPSConnectionPool("legacy.invalid", 443, ssl_version=ssl.PROTOCOL_SSLv3)  # expect: ssl-proto-const
by_url = urllib3.connection_from_url("https://legacy.invalid", ssl_version=ssl.PROTOCOL_TLSv1_1)  # expect: ssl-proto-const


class OldTlsAdapter(HTTPAdapter):
    def init_poolmanager(self, connections, maxsize, block=False, **extra):
        self.poolmanager = PoolManager(
            num_pools=connections,
            maxsize=maxsize,
            block=block,
            ssl_version=ssl.PROTOCOL_TLSv1,  # expect: ssl-proto-const
            **extra,
        )


broker = mqtt.Client()
broker.tls_set(ca_certs="ca.pem", tls_version=ssl.PROTOCOL_TLSv1_1)  # expect: ssl-proto-const
directory = ldap3.Tls(validate=ssl.CERT_REQUIRED, version=ssl.PROTOCOL_TLSv1)  # expect: ssl-proto-const
# An unknown keyword on an unknown callee still carries a resolved ssl constant, which has no
# meaning other than a protocol selection.
custom = ldap3.Server("ldap.invalid", use_ssl=True, transport=ssl.PROTOCOL_SSLv3)  # expect: ssl-proto-const
ossl_method = SSL.Connection(SSL.Context(method=SSL.TLSv1_1_METHOD))  # expect: pyopenssl-method

fine_pool = urllib3.PoolManager(ssl_version=ssl.PROTOCOL_TLSv1_2)
fine_mqtt = broker.tls_set(tls_version=ssl.PROTOCOL_TLS_CLIENT)
fine_ldap = ldap3.Tls(version=ssl.PROTOCOL_TLS)
