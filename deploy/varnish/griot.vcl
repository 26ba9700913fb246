# Varnish in front of Griot instances (Varnish 7 with varnish-modules' xkey).
#   varnishd -a :80 -f /etc/varnish/griot.vcl -p http_gzip_support=off -s malloc,256m
# http_gzip_support=off: Griot compresses (brotli or gzip, as the browser asks) and Varnish keeps
# each encoding apart (Vary: Accept-Encoding, normalised below), instead of turning brotli
# requests into gzip ones.
# Each Griot instance purges by key (CDN_PURGE_URL=http://<this varnish>/): every page carries a
# Surrogate-Key header naming what it shows (article-12, comments-12, home, section-3, site…).
vcl 4.1;

import directors;
import std;
import xkey;

# The Griot instances (test/varnish.test.ts rewrites these two lines).
backend app1 { .host = "127.0.0.1"; .port = "3001"; .probe = { .url = "/healthz"; .interval = 2s; .timeout = 1s; .window = 3; .threshold = 2; } }
backend app2 { .host = "127.0.0.1"; .port = "3002"; .probe = { .url = "/healthz"; .interval = 2s; .timeout = 1s; .window = 3; .threshold = 2; } }

# Who may purge: the Griot instances.
acl purgers {
  "127.0.0.1";
  "::1";
}

sub vcl_init {
  new griot = directors.round_robin();
  griot.add_backend(app1);
  griot.add_backend(app2);
}

sub vcl_recv {
  set req.backend_hint = griot.backend();
  # One id per request, cache hits included (Griot keeps a well-formed incoming one).
  if (!req.http.X-Request-Id) {
    set req.http.X-Request-Id = "varnish-" + req.xid;
  }

  if (req.method == "PURGE") {
    if (client.ip !~ purgers) {
      return (synth(403, "Forbidden"));
    }
    if (!req.http.xkey-purge) {
      return (synth(400, "xkey-purge header required"));
    }
    set req.http.n-gone = xkey.purge(req.http.xkey-purge);
    return (synth(200, "Purged " + req.http.n-gone));
  }

  if (req.method != "GET" && req.method != "HEAD") {
    return (pass);
  }
  # The newsroom, sign-in, forms' stamps and health checks are never shared.
  if (req.url ~ "^/(admin|login|logout|compte|healthz|commentaires/tampon)(/|\?|$)") {
    return (pass);
  }
  # A signed-in member of the newsroom, or a reader with comments awaiting moderation, sees
  # personal pages (Griot marks them private): such requests go to Griot.
  if (req.http.Cookie ~ "(^|;\s*)(griot_session|griot_mine)=") {
    return (pass);
  }
  # Every other cookie (analytics…) is irrelevant to Griot's shared pages.
  unset req.http.Cookie;

  # One cached copy per encoding Griot sends.
  if (req.http.Accept-Encoding ~ "\bbr\b") {
    set req.http.Accept-Encoding = "br";
  } elsif (req.http.Accept-Encoding ~ "\bgzip\b") {
    set req.http.Accept-Encoding = "gzip";
  } else {
    unset req.http.Accept-Encoding;
  }
  return (hash);
}

sub vcl_backend_response {
  # Surrogate-Key names what the page shows; xkey indexes the object by it.
  if (beresp.http.Surrogate-Key) {
    set beresp.http.xkey = beresp.http.Surrogate-Key;
  }
  # Browsers revalidate (Cache-Control: max-age=0); caches follow Surrogate-Control. A page
  # that differs per view (an ad rotation) says no-store and is not kept.
  if (beresp.http.Surrogate-Control ~ "no-store" || beresp.http.Cache-Control ~ "private|no-store") {
    set beresp.uncacheable = true;
    set beresp.ttl = 120s;
    return (deliver);
  }
  if (beresp.http.Surrogate-Control ~ "max-age=\d+") {
    set beresp.ttl = std.duration(regsub(beresp.http.Surrogate-Control, ".*max-age=(\d+).*", "\1s"), 60s);
    # Served stale only as long as the page says: a page showing the site alert says no more
    # than what is left of the alert, so no copy outlives it (without any purge).
    if (beresp.http.Surrogate-Control ~ "stale-while-revalidate=\d+") {
      set beresp.grace = std.duration(regsub(beresp.http.Surrogate-Control, ".*stale-while-revalidate=(\d+).*", "\1s"), 10m);
    } else {
      set beresp.grace = 0s;
    }
  }
  unset beresp.http.Surrogate-Control;
}

sub vcl_deliver {
  # The keys and the xkey index are for caches, not readers.
  unset resp.http.xkey;
  unset resp.http.Surrogate-Key;
  # A cached page carries the id of the request that filled it: the reader's own id instead.
  set resp.http.X-Request-Id = req.http.X-Request-Id;
  if (obj.hits > 0) {
    set resp.http.X-Cache = "HIT";
  } else {
    set resp.http.X-Cache = "MISS";
  }
}
