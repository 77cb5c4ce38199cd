/*
 * The viewer's HTTP server: one request per connection, each connection on
 * its own short-lived thread (at most MAX_CONNS; an idle or slow client holds
 * only its own), the data made under one lock, bound to loopback unless told
 * otherwise.  Requests are read into a fixed 16 KiB
 * buffer within a deadline; only GET and HEAD of the page's three files and
 * /api/KEY are answered, every other target is 404 before any file is named.
 * The Host header must name the server itself (no DNS rebinding), and every
 * answer carries a CSP that allows only the page's own script and style.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "horizon/error.h"
#include "strutil.h"
#include "view_internal.h"

#define REQ_MAX 16384
#define TARGET_MAX 2048
#define MAX_CONNS 32

static const char csp[] = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
			  "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

typedef struct server {
	hz_view *v;
	pthread_mutex_t lock; /* the view's data */
	pthread_mutex_t mu;   /* active, cond */
	pthread_cond_t cond;
	int active;
	char host[80];        /* what Host must be, "127.0.0.1:PORT" */
	int loopback;
} server;

typedef struct conn {
	server *srv;
	int fd;
	int64_t deadline; /* ms */
	int head;         /* HEAD: headers only */
} conn;

static int wait_fd(const conn *c, short ev)
{
	int64_t left = c->deadline - hz_time_ms();
	struct pollfd p = { .fd = c->fd, .events = ev };

	if (left <= 0)
		return 0;
	return poll(&p, 1, (int)left) == 1;
}

static void send_all(const conn *c, const void *data, size_t len)
{
	const char *p = data;

	while (len && wait_fd(c, POLLOUT)) {
		ssize_t n = send(c->fd, p, len, MSG_NOSIGNAL);
		if (n < 0 && (errno == EINTR || errno == EAGAIN))
			continue;
		if (n <= 0)
			return;
		p += n, len -= (size_t)n;
	}
}

static void respond(const conn *c, int code, const char *reason, const char *type, const void *body, size_t len,
		    const char *extra)
{
	hz_buf h = HZ_BUF_INIT;

	if (hz_buf_printf(&h,
			  "HTTP/1.1 %d %s\r\nContent-Type: %s\r\nContent-Length: %zu\r\nConnection: close\r\n"
			  "Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nReferrer-Policy: no-referrer\r\n"
			  "X-Frame-Options: DENY\r\nCross-Origin-Resource-Policy: same-origin\r\n"
			  "Content-Security-Policy: %s\r\n%s\r\n",
			  code, reason, type, len, csp, extra ? extra : "") == 0) {
		send_all(c, h.ptr, h.len);
		if (!c->head && len)
			send_all(c, body, len);
	}
	hz_buf_release(&h);
}

static void fail(const conn *c, int code, const char *reason, const char *extra)
{
	hz_buf b = HZ_BUF_INIT;

	hz_buf_printf(&b, "%d %s\n", code, reason);
	respond(c, code, reason, "text/plain; charset=utf-8", hz_buf_cstr(&b), b.len, extra);
	hz_buf_release(&b);
}

/* Percent-decode a path in place; 0 when it holds NUL, control bytes, a backslash or a bad escape. */
static int decode_path(char *s)
{
	char *w = s;

	for (char *r = s; *r; r++) {
		unsigned char ch = (unsigned char)*r;
		if (ch == '%') {
			unsigned v = 0;
			for (int i = 1; i <= 2; i++) {
				char x = r[i];
				v = v * 16 + (unsigned)(x >= '0' && x <= '9' ? x - '0' : x >= 'a' && x <= 'f' ? x - 'a' + 10
						      : x >= 'A' && x <= 'F' ? x - 'A' + 10 : 99);
				if (!x || v > 255)
					return 0;
			}
			ch = (unsigned char)v;
			r += 2;
		}
		if (ch < 0x20 || ch == 0x7f || ch == '\\')
			return 0;
		*w++ = (char)ch;
	}
	*w = '\0';
	return 1;
}

/* No "." or ".." segment and no empty segment (after the leading '/'). */
static int segments_ok(const char *p)
{
	for (const char *s = p + 1; *s;) {
		const char *e = strchr(s, '/');
		size_t n = e ? (size_t)(e - s) : strlen(s);
		if ((n == 0 && e) || (n == 1 && s[0] == '.') || (n == 2 && s[0] == '.' && s[1] == '.'))
			return 0;
		s += n + (e ? 1 : 0);
	}
	return 1;
}

/* The value of header `name` in the request's header block, or NULL; cut at CR into out. */
static const char *header(const char *req, const char *name, char *out, size_t size)
{
	size_t n = strlen(name);

	for (const char *p = strstr(req, "\r\n"); p && p[2] != '\r'; p = strstr(p + 2, "\r\n")) {
		const char *l = p + 2, *e;
		size_t len;
		if (strncasecmp(l, name, n) || l[n] != ':')
			continue;
		l += n + 1;
		while (*l == ' ' || *l == '\t')
			l++;
		e = strstr(l, "\r\n");
		len = e ? (size_t)(e - l) : strlen(l);
		while (len && (l[len - 1] == ' ' || l[len - 1] == '\t'))
			len--;
		if (len >= size)
			return NULL;
		memcpy(out, l, len);
		out[len] = '\0';
		return out;
	}
	return NULL;
}

static int host_ok(const conn *c, const char *req)
{
	char h[128];
	const char *port;

	if (!header(req, "Host", h, sizeof(h)))
		return 0;
	if (!c->srv->loopback)
		return 1;
	port = strchr(c->srv->host, ':');
	if (!strcmp(h, c->srv->host))
		return 1;
	return !strncmp(h, "localhost", 9) && !strcmp(h + 9, port);
}

static void route(conn *c, char *path)
{
	const view_asset *a;
	char *json = NULL;
	int rc;

	if (!strcmp(path, "/"))
		path = "/index.html";
	if (strncmp(path, "/api/", 5) != 0) {
		if ((a = view_asset_find(path + 1)) != NULL)
			respond(c, 200, "OK", a->type, a->data, a->len, NULL);
		else
			fail(c, 404, "Not Found", NULL);
		return;
	}
	pthread_mutex_lock(&c->srv->lock);
	rc = hz_view_data(c->srv->v, path + 5, &json);
	hz_error_clear();
	pthread_mutex_unlock(&c->srv->lock);
	if (rc == 0)
		respond(c, 200, "OK", "application/json; charset=utf-8", json, strlen(json), NULL);
	else if (rc == HZ_ENOTFOUND)
		fail(c, 404, "Not Found", NULL);
	else
		fail(c, 500, "Internal Server Error", NULL);
	free(json);
}

static void serve_one(conn *c)
{
	char req[REQ_MAX + 1], method[8], *target, *sp, *q;
	size_t len = 0;

	for (;;) {
		ssize_t n;
		if (!wait_fd(c, POLLIN))
			return; /* too slow: dropped */
		n = recv(c->fd, req + len, REQ_MAX - len, 0);
		if (n < 0 && (errno == EINTR || errno == EAGAIN))
			continue;
		if (n <= 0)
			return;
		len += (size_t)n;
		req[len] = '\0';
		if (memchr(req, '\0', len)) {
			fail(c, 400, "Bad Request", NULL);
			return;
		}
		if (strstr(req, "\r\n\r\n"))
			break;
		if (len == REQ_MAX) {
			fail(c, 431, "Request Header Fields Too Large", NULL);
			return;
		}
	}
	sp = strchr(req, ' ');
	if (!sp || (size_t)(sp - req) >= sizeof(method)) {
		fail(c, 400, "Bad Request", NULL);
		return;
	}
	memcpy(method, req, (size_t)(sp - req));
	method[sp - req] = '\0';
	target = sp + 1;
	if (!(sp = strchr(target, ' ')) || strncmp(sp + 1, "HTTP/1.", 7) || (sp[8] != '0' && sp[8] != '1') ||
	    sp[9] != '\r') {
		fail(c, 400, "Bad Request", NULL);
		return;
	}
	*sp = '\0';
	c->head = !strcmp(method, "HEAD");
	if (strcmp(method, "GET") && !c->head) {
		fail(c, 405, "Method Not Allowed", "Allow: GET, HEAD\r\n");
		return;
	}
	*sp = ' ';
	if (!host_ok(c, req)) {
		fail(c, 421, "Misdirected Request", NULL);
		return;
	}
	*sp = '\0';
	if ((q = strchr(target, '?')) != NULL)
		*q = '\0';
	if (target[0] != '/' || strlen(target) > TARGET_MAX || !decode_path(target) || !segments_ok(target)) {
		fail(c, 400, "Bad Request", NULL);
		return;
	}
	route(c, target);
}

static void *conn_main(void *arg)
{
	conn *c = arg;
	server *srv = c->srv;

	serve_one(c);
	shutdown(c->fd, SHUT_WR);
	close(c->fd);
	free(c);
	pthread_mutex_lock(&srv->mu);
	srv->active--;
	pthread_cond_signal(&srv->cond);
	pthread_mutex_unlock(&srv->mu);
	return NULL;
}

static int is_loopback(struct in_addr a)
{
	return (ntohl(a.s_addr) >> 24) == 127;
}

/* Hand a new connection to its thread, or turn it away when MAX_CONNS are busy. */
static void spawn(server *srv, int fd, int timeout)
{
	pthread_attr_t attr;
	pthread_t t;
	conn *c = calloc(1, sizeof(*c));
	int busy;

	if (c) {
		c->srv = srv;
		c->fd = fd;
		c->deadline = hz_time_ms() + timeout;
	}
	pthread_mutex_lock(&srv->mu);
	busy = srv->active >= MAX_CONNS;
	if (!busy && c)
		srv->active++;
	pthread_mutex_unlock(&srv->mu);
	if (c && !busy) {
		pthread_attr_init(&attr);
		pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
		if (pthread_create(&t, &attr, conn_main, c) == 0) {
			pthread_attr_destroy(&attr);
			return;
		}
		pthread_attr_destroy(&attr);
		pthread_mutex_lock(&srv->mu);
		srv->active--;
		pthread_mutex_unlock(&srv->mu);
	}
	if (c) {
		c->deadline = hz_time_ms() + 200;
		fail(c, 503, "Service Unavailable", "Retry-After: 1\r\n");
	}
	close(fd);
	free(c);
}

int hz_view_serve(hz_view *v, const hz_view_serve_opts *o)
{
	struct sockaddr_in sa = { .sin_family = AF_INET };
	socklen_t sl = sizeof(sa);
	const char *host = o->host ? o->host : "127.0.0.1";
	int fd = -1, one = 1, rc = 0, cfd;
	int timeout = o->timeout_ms > 0 ? o->timeout_ms : 5000;
	char url[96];
	server srv = { .v = v };

	if (o->port < 0 || o->port > 65535)
		return hz_error_set(HZ_EUSAGE, "port %d is not in 0-65535", o->port);
	if (inet_pton(AF_INET, host, &sa.sin_addr) != 1)
		return hz_error_set(HZ_EUSAGE, "host '%s' is not a numeric IPv4 address", host);
	sa.sin_port = htons((uint16_t)o->port);
	if ((fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0)) < 0)
		return hz_error_set_errno("socket");
	pthread_mutex_init(&srv.lock, NULL);
	pthread_mutex_init(&srv.mu, NULL);
	pthread_cond_init(&srv.cond, NULL);
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (bind(fd, (struct sockaddr *)&sa, sizeof(sa)) != 0) {
		rc = hz_error_set_errno("cannot listen on %s:%d", host, o->port);
		goto done;
	}
	if (listen(fd, 64) != 0 || getsockname(fd, (struct sockaddr *)&sa, &sl) != 0) {
		rc = hz_error_set_errno("listen");
		goto done;
	}
	srv.loopback = is_loopback(sa.sin_addr);
	snprintf(srv.host, sizeof(srv.host), "%s:%u", host, (unsigned)ntohs(sa.sin_port));
	snprintf(url, sizeof(url), "http://%s/", srv.host);
	if (o->ready)
		o->ready(o->ud, url);
	while (!o->stop || !*o->stop) {
		struct pollfd p = { .fd = fd, .events = POLLIN };
		int n = poll(&p, 1, 250);
		if (n < 0 && errno != EINTR) {
			rc = hz_error_set_errno("poll");
			break;
		}
		if (n > 0 && (cfd = accept4(fd, NULL, NULL, SOCK_CLOEXEC | SOCK_NONBLOCK)) >= 0)
			spawn(&srv, cfd, timeout);
	}
done:
	close(fd);
	pthread_mutex_lock(&srv.mu); /* every connection ends within its deadline */
	while (srv.active > 0)
		pthread_cond_wait(&srv.cond, &srv.mu);
	pthread_mutex_unlock(&srv.mu);
	pthread_mutex_destroy(&srv.lock);
	pthread_mutex_destroy(&srv.mu);
	pthread_cond_destroy(&srv.cond);
	return rc;
}
