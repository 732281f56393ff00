vcl 4.1;
# Varnish in front of the Jindu app servers (Debian's varnish 7.x).
#
# It keeps what the app says a shared cache may keep (Cache-Control: s-maxage on anonymous
# public pages, jindu.serving.headers) and forgets it when the app purges it (Wagtail's
# frontend cache, HTTPBackend: FRONTEND_CACHE_PURGE_URL points here). A purge of a site's
# root "/" forgets every page: the app sends it for any change that can show on other pages
# (jindu.serving.invalidation). Bans ignore the host: the sites' host names (Wagtail's Site
# records) need not be the names readers and the purging app use.
# Signed-in staff, the admin, forms and private calendars always go to an app server.
# The visitor's address reaches the app in X-Forwarded-For, which Varnish appends client.ip
# to before vcl_recv; the app believes it only from TRUSTED_PROXIES and reads it from the
# right, so a header the visitor sent (further left) is never taken for their address.
#
# The line @backends@ below is replaced by the backends (`make serve-cluster` and the cluster test
# write them); for N servers add one backend and one add_backend line each.

import directors;
import std;

@backends@

# Who may purge: the app servers (on this machine here; their addresses in production).
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    set req.backend_hint = apps.backend();

    if (req.method == "PURGE") {
        if (!client.ip ~ purgers) {
            return (synth(405, "Not allowed"));
        }
        if (regsub(req.url, "\?.*$", "") == "/") {
            ban("obj.http.x-url-path ~ ^/");
            return (synth(200, "Purged everything"));
        }
        # Every query-string variant of the path: purging /news/ drops /news/?page=2 too.
        ban("obj.http.x-url-path == " + regsub(req.url, "\?.*$", ""));
        return (synth(200, "Purged"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url ~ "^/(admin|calendars|documents)/") {
        return (pass);
    }
    # A session is a signed-in member of staff: they see the database, never a kept page.
    if (req.http.Cookie ~ "(^|;\s*)sessionid=") {
        return (pass);
    }
    # No other cookie (CSRF, statistics) changes a public page, nor does the browser's
    # language: public pages take theirs from the URL.
    unset req.http.Cookie;
    unset req.http.Accept-Language;
    # Serve a page past its lifetime for a few seconds while a fresh one is fetched; for a
    # day while no app server answers (stale-if-error).
    if (std.healthy(req.backend_hint)) {
        set req.grace = 30s;
    }
    return (hash);
}

# An app server that stopped answering (killed, restarting): a GET or HEAD is tried once
# more on the next server of the round robin instead of reaching the reader as a 503.
sub vcl_backend_error {
    if (bereq.retries < 1 && bereq.method ~ "^(GET|HEAD)$") {
        return (retry);
    }
}

sub vcl_backend_response {
    set beresp.http.x-url-path = regsub(bereq.url, "\?.*$", "");
    # Keep only what the app marked as shareable (s-maxage on pages, public on static
    # files and feeds); anything else goes to an app server each time.
    if (beresp.http.Cache-Control !~ "s-maxage|public") {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    set beresp.grace = 24h;
    # On to Varnish's built-in rules: a response that sets a cookie, says private or
    # no-cache, or varies on everything is never kept.
}

sub vcl_deliver {
    unset resp.http.x-url-path;
    if (obj.hits > 0) {
        set resp.http.X-Proxy-Cache = "hit";
    } else {
        set resp.http.X-Proxy-Cache = "miss";
    }
}
