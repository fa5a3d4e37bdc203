"""What an S3 server checks when a presigned GET link arrives, for tests against servers that do
not (moto accepts any signature at any time).

:func:`check_presigned_get` reads the link's own SigV4 parameters, recomputes the signature with
the secret key through botocore's presigned-URL signer, and refuses the link once
``X-Amz-Date + X-Amz-Expires`` has passed at the given moment, as S3 does.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qsl, urlsplit, urlunsplit

from botocore.auth import S3SigV4QueryAuth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

SIGV4_TIMESTAMP = "%Y%m%dT%H%M%SZ"
MAX_EXPIRES = 7 * 24 * 3600
"""S3 refuses presigned links that claim to live longer than a week."""


class LinkRefused(Exception):
    """S3 would answer 403: the signature does not match, or the link is malformed."""


class LinkExpired(LinkRefused):
    """S3 would answer 403 "Request has expired"."""


@dataclass(frozen=True)
class PresignedLink:
    signed_at: datetime
    lifetime: int

    @property
    def expires_at(self) -> datetime:
        return self.signed_at + timedelta(seconds=self.lifetime)


def check_presigned_get(url: str, access_key: str, secret_key: str, region: str, now: datetime) -> PresignedLink:
    """The link's signing time and lifetime if S3 would serve it at ``now``; else LinkRefused."""
    parts = urlsplit(url)
    pairs = [pair for pair in parts.query.split("&") if pair]
    params = dict(parse_qsl(parts.query, keep_blank_values=True))
    try:
        algorithm, signature = params["X-Amz-Algorithm"], params["X-Amz-Signature"]
        credential, stamp = params["X-Amz-Credential"], params["X-Amz-Date"]
        lifetime, signed_headers = int(params["X-Amz-Expires"]), params["X-Amz-SignedHeaders"]
        signed_at = datetime.strptime(stamp, SIGV4_TIMESTAMP).replace(tzinfo=UTC)
    except (KeyError, ValueError) as error:
        raise LinkRefused(f"not a SigV4 presigned link: {error}") from None
    if algorithm != "AWS4-HMAC-SHA256" or signed_headers != "host":
        raise LinkRefused(f"unexpected algorithm {algorithm!r} or signed headers {signed_headers!r}")
    if credential != f"{access_key}/{stamp[:8]}/{region}/s3/aws4_request":
        raise LinkRefused(f"credential scope {credential!r} is not this key's, day and region")
    if not 1 <= lifetime <= MAX_EXPIRES:
        raise LinkRefused(f"X-Amz-Expires {lifetime} is outside 1 s to 7 days")

    # The signer signs the URL as it stands without its signature, at the link's own timestamp.
    unsigned = "&".join(pair for pair in pairs if not pair.startswith("X-Amz-Signature="))
    request = AWSRequest(method="GET", url=urlunsplit(parts._replace(query=unsigned)))
    request.context["timestamp"] = stamp
    signer = S3SigV4QueryAuth(Credentials(access_key, secret_key), "s3", region, expires=lifetime)
    expected = signer.signature(signer.string_to_sign(request, signer.canonical_request(request)), request)
    if not hmac.compare_digest(expected, signature):
        raise LinkRefused("the signature does not match")
    link = PresignedLink(signed_at, lifetime)
    if now > link.expires_at:
        raise LinkExpired(f"the link expired at {link.expires_at:%Y-%m-%d %H:%M:%S}Z")
    return link
