"""The visitor's own address when a proxy of ours (Varnish, a load balancer) stands in
front of the app servers. Every limit that counts by address (feedback, talk requests,
the login lockout) reads REMOTE_ADDR; without this they would all count the proxy, and a
whole city would share one allowance.

Only a proxy listed in TRUSTED_PROXIES is believed, and only for the hops it and the
proxies behind it appended: X-Forwarded-For is read from the right, skipping our own
proxies, and the first other address is the visitor. Anything further left was written by
the client and may be forged. (django-xff trusts a fixed number of hops whoever connects,
so a request sent straight to an app server could choose its own address.)"""

import ipaddress

from django.conf import settings


def parsed(address):
    try:
        return ipaddress.ip_address(address.strip())
    except ValueError:
        return None


class ClientAddressMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.proxies = [
            ipaddress.ip_network(proxy, strict=False) for proxy in settings.TRUSTED_PROXIES
        ]

    def is_proxy(self, address):
        return address is not None and any(address in network for network in self.proxies)

    def __call__(self, request):
        peer = parsed(request.META.get("REMOTE_ADDR", ""))
        if self.is_proxy(peer):
            hops = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            for hop in reversed(hops):
                address = parsed(hop)
                if address is None:
                    break
                request.META["REMOTE_ADDR"] = str(address)
                if not self.is_proxy(address):
                    break
        return self.get_response(request)
