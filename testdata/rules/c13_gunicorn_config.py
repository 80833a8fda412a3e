# A gunicorn configuration file: module-level names are the settings, so this assignment
# selects the protocol of every worker.
import ssl

bind = "0.0.0.0:8443"
certfile = "server.pem"
keyfile = "server.key"
ssl_version = ssl.PROTOCOL_TLSv1  # expect: ssl-proto-const
ciphers = "HIGH:!aNULL"
