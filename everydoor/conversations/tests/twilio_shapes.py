"""Twilio's requests and answers, in the shapes Twilio sends them (field names and kinds of
value as in its webhook and REST API documentation), with made-up numbers and ids."""

import itertools
import json
import threading
import urllib.parse
from datetime import UTC, datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from twilio.request_validator import RequestValidator

AUTH_TOKEN = "test-auth-token-0123456789abcdef"
ACCOUNT_SID = "AC" + "0" * 30 + "01"
SITE_URL = "https://everydoor.example"
OUR_SMS_NUMBER = "+447700900001"
OUR_WHATSAPP_NUMBER = "whatsapp:+447700900002"
_ids = itertools.count(1)


def new_sid(prefix):
    return f"{prefix}{next(_ids):032x}"


def sms_webhook(sender, body, message_sid=None):
    sid = message_sid or new_sid("SM")
    return {
        "ToCountry": "GB", "ToState": "", "SmsMessageSid": sid, "NumMedia": "0", "ToCity": "", "FromZip": "",
        "SmsSid": sid, "FromState": "", "SmsStatus": "received", "FromCity": "", "Body": body,
        "FromCountry": "GB", "To": OUR_SMS_NUMBER, "ToZip": "", "NumSegments": "1", "MessageSid": sid,
        "AccountSid": ACCOUNT_SID, "From": sender, "ApiVersion": "2010-04-01",
    }


def whatsapp_webhook(sender, body, message_sid=None):
    sid = message_sid or new_sid("SM")
    return {
        "SmsMessageSid": sid, "NumMedia": "0", "ProfileName": "Made Up", "MessageType": "text",
        "SmsSid": sid, "WaId": sender.lstrip("+"), "SmsStatus": "received", "Body": body,
        "To": OUR_WHATSAPP_NUMBER, "NumSegments": "1", "ReferralNumMedia": "0", "MessageSid": sid,
        "AccountSid": ACCOUNT_SID, "From": f"whatsapp:{sender}", "ApiVersion": "2010-04-01",
    }


def status_callback(message_sid, status, to, error_code=None):
    fields = {"SmsSid": message_sid, "SmsStatus": status, "MessageStatus": status, "To": to,
              "MessageSid": message_sid, "AccountSid": ACCOUNT_SID, "From": OUR_SMS_NUMBER, "ApiVersion": "2010-04-01"}
    if error_code:
        fields["ErrorCode"] = str(error_code)
    return fields


def call_webhook(caller, call_sid, digits=None):
    fields = {
        "Called": "+447700900003", "ToState": "", "CallerCountry": "GB", "Direction": "inbound", "CallerState": "",
        "ToZip": "", "CallSid": call_sid, "To": "+447700900003", "CallerZip": "", "ToCountry": "GB",
        "ApiVersion": "2010-04-01", "CalledZip": "", "CalledCity": "", "CallStatus": "in-progress", "From": caller,
        "AccountSid": ACCOUNT_SID, "CalledCountry": "GB", "CallerCity": "", "Caller": caller, "FromCountry": "GB",
        "ToCity": "", "FromCity": "", "CalledState": "", "FromZip": "", "FromState": "",
    }
    if digits is not None:
        fields.update({"Digits": digits, "FinishedOnKey": "", "msg": "Gather End"})
    return fields


def signed_post(client, path, fields, token=AUTH_TOKEN):
    """POST as Twilio does: form-encoded, signed with the account's auth token over our
    public URL (twilio's own RequestValidator computes the signature)."""
    signature = RequestValidator(token).compute_signature(SITE_URL + path, fields)
    return client.post(path, fields, HTTP_X_TWILIO_SIGNATURE=signature)


def message_created(fields, sid):
    """The REST API's answer to creating a message (201). Dates are RFC 2822, in GMT."""
    now = format_datetime(datetime.now(UTC))
    return {
        "account_sid": ACCOUNT_SID, "api_version": "2010-04-01", "body": fields.get("Body", ""),
        "date_created": now, "date_sent": None, "date_updated": now, "direction": "outbound-api",
        "error_code": None, "error_message": None,
        "from": fields.get("From"), "messaging_service_sid": None, "num_media": "0", "num_segments": "1",
        "price": None, "price_unit": "USD", "sid": sid, "status": "queued", "subresource_uris": {},
        "to": fields.get("To"), "uri": f"/2010-04-01/Accounts/{ACCOUNT_SID}/Messages/{sid}.json",
    }


def api_error(code, message, status=400):
    return status, {"code": code, "message": message, "more_info": f"https://www.twilio.com/docs/errors/{code}",
                    "status": status}


class FakeTwilioApi:
    """Twilio's REST API on a local port: records each request to create a message; answers
    from a script of (status, body) pairs, then with 201 Created. Lists the messages it
    created, newest first, filtered by To and From, as Twilio's message list does."""

    def __init__(self):
        self.requests = []
        self.listings = []
        self.created = []
        self.script = []
        self.lock = threading.Lock()
        api = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                length = int(self.headers.get("Content-Length", 0))
                fields = dict(urllib.parse.parse_qsl(self.rfile.read(length).decode()))
                with api.lock:
                    api.requests.append({"path": self.path, "fields": fields,
                                         "authorization": self.headers.get("Authorization")})
                    status, body = api.script.pop(0) if api.script else (201, None)
                    if body is None:
                        body = message_created(fields, new_sid("SM"))
                        api.created.insert(0, body)
                self._answer(status, body)

            def do_GET(self):
                query = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(self.path).query))
                with api.lock:
                    api.listings.append(query)
                    listed = [message for message in api.created
                              if message["to"] == query.get("To") and message["from"] == query.get("From")]
                self._answer(200, {"messages": listed[:int(query.get("PageSize", 50))]})

            def _answer(self, status, body):
                payload = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def sent(self):
        return [request["fields"] for request in self.requests]

    def close(self):
        self.server.shutdown()
        self.server.server_close()
