# Protocol names written as strings. They are reported only when the string-forms setting is on,
# and only for keywords of known callees, because elsewhere such a string is just text.
import mysql.connector
import psycopg2
import urllib3
from urllib3 import HTTPSConnectionPool, PoolManager

pool = HTTPSConnectionPool("legacy.invalid", 443, ssl_version="TLSv1")  # expect[string-forms]: string-form
pool_prefixed = urllib3.HTTPSConnectionPool("legacy.invalid", 443, ssl_version="PROTOCOL_TLSv1")  # expect[string-forms]: string-form
manager = PoolManager(ssl_version='SSLv3')  # expect[string-forms]: string-form
by_url = urllib3.connection_from_url("https://legacy.invalid", ssl_version="TLSv1_1")  # expect[string-forms]: string-form
db = psycopg2.connect("dbname=app", ssl_min_protocol_version="TLSv1")  # expect[string-forms]: string-form
db_11 = psycopg2.connect("dbname=app", ssl_min_protocol_version="TLSv1.1")  # expect[string-forms]: string-form
mysql_db = mysql.connector.connect(
    host="db.invalid",
    tls_versions=["TLSv1", "TLSv1.2"],  # expect[string-forms]: string-form
)

pool_ok = HTTPSConnectionPool("modern.invalid", 443, ssl_version="TLSv1_2")
pool_ok_prefixed = PoolManager(ssl_version="PROTOCOL_TLS_CLIENT")
db_ok = psycopg2.connect("dbname=app", ssl_min_protocol_version="TLSv1.2")
mysql_ok = mysql.connector.connect(tls_versions=["TLSv1.2", "TLSv1.3"])
# The same words elsewhere are only text.
label = "TLSv1"
unknown_callee = configure(ssl_version="TLSv1")
message = "ssl_version='SSLv3' is not supported"
