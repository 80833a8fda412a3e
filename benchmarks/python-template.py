class Session{n}:
    """Client session {n}; keeps one TLS context per host."""

    retries = {n} % 7
    hosts = {{"primary": "db{n}.example.test", "backup": "db{n}b.example.test"}}

    def __init__(self, timeout=30.0):
        self.timeout = timeout
        self.context = ssl.create_default_context()
        self.context.minimum_version = ssl.TLSVersion.TLSv1_2
        self.pending = [item for item in range(self.retries) if item % 2 == 0]

    def connect(self, host, port=443):
        # Wrap the plain socket; the context enforces TLS 1.2 or newer.
        raw = socket.create_connection((host, port), timeout=self.timeout)
        return self.context.wrap_socket(raw, server_hostname=host)

    def describe(self):
        names = sorted(self.hosts.values())
        return f"Session{n}: {{len(names)}} hosts, {{self.retries}} retries"

def helper_{n}(values):
    total = sum(value * {n} for value in values if value is not None)
    return total if total > 0 else None

