import ssl

# A collection that the code only tests membership in selects nothing, so its elements are not
# reported: this mirrors the standard library's own test suite.
ACCEPTED_FLOORS = {
    ssl.TLSVersion.MINIMUM_SUPPORTED,
    ssl.TLSVersion.TLSv1,
    ssl.TLSVersion.TLSv1_2,
}


def check_floor(ctx, case):
    if ctx.minimum_version not in ACCEPTED_FLOORS:
        raise AssertionError(ctx.minimum_version)
    case.assertIn(ctx.minimum_version, ACCEPTED_FLOORS)


def legacy_choices(ctx):
    # The same collection read any other way is a selection again.
    choices = [ssl.PROTOCOL_TLSv1, ssl.PROTOCOL_TLSv1_2]  # expect: ssl-proto-const
    if ctx.protocol in choices:
        return ctx
    return ssl.SSLContext(choices[0])
