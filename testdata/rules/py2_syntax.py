# Python 2 code: print statements, old except syntax, backticks and the exec statement do not
# parse as Python 3, but the well-formed calls around them are still checked.
import socket
import ssl
import sys

def dial_home(self):
  try:
    conn = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    tunnel = ssl.wrap_socket(conn,
                             ca_certs= TRUST_FILE,
                             cert_reqs=ssl.CERT_REQUIRED,
                             ssl_version = ssl.PROTOCOL_SSLv3)  # expect: ssl-proto-const
    tunnel.connect(self.endpoint)
    print "connected to", self.endpoint
  except socket.error, err:
    print >>sys.stderr, "failed:", `err`
    return None
  return tunnel

def legacy_context():
    exec "LEVEL = 1"
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLSv1)  # expect: ssl-proto-const
    print "made", `ctx`
    return ctx

def fallback():
    try:
        return ssl.SSLContext(ssl.PROTOCOL_TLSv1_1)  # expect: ssl-proto-const
    except ssl.SSLError, e:
        raise RuntimeError, "no TLS 1.1: %s" % e

def misindented_except(host):
  try:
    return ssl.wrap_socket(socket.create_connection((host, 443)),
                           ssl_version=ssl.PROTOCOL_TLSv1)  # expect: ssl-proto-const
    except socket.error, err:
      print "unreachable:", err

def compliant():
    print "modern"
    return ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)

ur_string = ur"ssl.PROTOCOL_TLSv1"
octal = 0777
