"""Signs a batch of requests with botocore's SigV4Auth and writes what it produced.

Usage: botocore_sign.py CASES.json OUT.json

CASES.json is a list of objects: name, method, url, headers ([name, value] pairs), body (base64), region, service,
access_key, secret_key, session_token (or null), time (yyyymmddThhmmssZ). OUT.json gets one object per case: name,
canonical_request, authorization. No network: botocore only signs.
"""
import base64
import datetime
import json
import sys

import botocore
import botocore.auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials


class RecordingSigV4Auth(botocore.auth.SigV4Auth):
    """botocore's SigV4Auth, keeping the canonical request it signed."""

    canonical = None

    def string_to_sign(self, request, canonical_request):
        self.canonical = canonical_request
        return super().string_to_sign(request, canonical_request)


def sign(case):
    signed_at = datetime.datetime.strptime(case["time"], "%Y%m%dT%H%M%SZ")
    botocore.auth.get_current_datetime = lambda: signed_at
    request = AWSRequest(method=case["method"], url=case["url"], data=base64.b64decode(case["body"]))
    for name, value in case["headers"]:
        request.headers[name] = value
    credentials = Credentials(case["access_key"], case["secret_key"], case["session_token"])
    auth = RecordingSigV4Auth(credentials, case["service"], case["region"])
    auth.add_auth(request)
    return {
        "name": case["name"],
        "canonical_request": auth.canonical,
        "authorization": request.headers["Authorization"],
    }


def main():
    with open(sys.argv[1], encoding="utf-8") as source:
        cases = json.load(source)
    results = [sign(case) for case in cases]
    with open(sys.argv[2], "w", encoding="utf-8") as target:
        json.dump({"botocore": botocore.__version__, "results": results}, target)
    print(f"signed {len(results)} requests with botocore {botocore.__version__}")


if __name__ == "__main__":
    main()
