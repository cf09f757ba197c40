// SPDX-License-Identifier: GPL-2.0
/*
 * xenstored: options, daemonising, and the poll loop that serves the
 * socket (and, once the hypervisor is wired, domain rings).
 */
#include <getopt.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "ops.h"
#include "socket.h"

static volatile sig_atomic_t got_term, got_hup, got_usr1;

static void on_signal(int sig)
{
	if (sig == SIGHUP)
		got_hup = 1;
	else if (sig == SIGUSR1)
		got_usr1 = 1;
	else
		got_term = 1;
}

static void usage(FILE *f)
{
	fputs("Usage: xenstored [options]\n"
	      "  -D, --no-domain-init     no hypervisor: serve the socket only\n"
	      "  -F, --pid-file FILE      write the daemon's pid to FILE\n"
	      "  -H, --help               show this help\n"
	      "  -N, --no-fork            stay in the foreground\n"
	      "  -P, --output-pid         print the daemon's pid on stdout\n"
	      "  -T, --trace-file FILE    trace every message to FILE\n"
	      "  -E, --entry-nb N         nodes per domain (1000)\n"
	      "  -S, --entry-size N       bytes per node (2048)\n"
	      "  -W, --watch-nb N         watches per domain (128)\n"
	      "  -t, --transaction N      transactions per domain (10)\n"
	      "  -A, --perm-nb N          permissions per node (5)\n"
	      "  -M, --path-max N         relative path length (2048)\n"
	      "  -Q, --quota WHAT=N       nodes, watches, transactions,\n"
	      "                           node-size, permissions, outstanding,\n"
	      "                           transaction-nodes, path-max\n"
	      "  -V, --verbose            verbose log\n"
	      "  -p, --priv-domid ID      domain ID is privileged like dom0\n"
	      "  -e -m -K -R -I -U --trace-control: Xen's, accepted, ignored\n"
	      "      --socket PATH        socket (XENSTORED_PATH,\n"
	      "                           default /run/xenstored/socket)\n"
	      "      --state-file FILE    tree state (/var/lib/xenstored/state)\n"
	      "      --ring-dir DIR       test rings: map DIR/<domid> on INTRODUCE\n"
	      "      --log-file FILE      log (/var/log/xen/xenstored.log,\n"
	      "                           stderr with -N; - for stderr)\n",
	      f);
}

struct opts {
	const char *pid_file, *trace, *socket, *log;
	bool no_fork, no_domain_init, output_pid;
};

static int set_priv_domid(const char *arg)
{
	unsigned long v;

	if (wire_parse_uint(arg, DOMID_MAX, &v))
		return EINVAL;
	priv_domid = v;
	return 0;
}

static int set_quota(enum quota_id q, const char *arg)
{
	unsigned long v;

	if (wire_parse_uint(arg, UINT32_MAX, &v))
		return EINVAL;
	quota_global[q] = v;
	return 0;
}

static void parse_args(int argc, char **argv, struct opts *o)
{
	static const struct option longopts[] = {
		{ "no-domain-init", 0, NULL, 'D' },
		{ "pid-file", 1, NULL, 'F' },
		{ "help", 0, NULL, 'H' },
		{ "no-fork", 0, NULL, 'N' },
		{ "output-pid", 0, NULL, 'P' },
		{ "trace-file", 1, NULL, 'T' },
		{ "entry-nb", 1, NULL, 'E' },
		{ "entry-size", 1, NULL, 'S' },
		{ "watch-nb", 1, NULL, 'W' },
		{ "transaction", 1, NULL, 't' },
		{ "perm-nb", 1, NULL, 'A' },
		{ "path-max", 1, NULL, 'M' },
		{ "quota", 1, NULL, 'Q' },
		{ "quota-soft", 1, NULL, 'q' },
		{ "timeout", 1, NULL, 'w' },
		{ "verbose", 0, NULL, 'V' },
		{ "socket", 1, NULL, 1 },
		{ "state-file", 1, NULL, 2 },
		{ "log-file", 1, NULL, 3 },
		{ "ring-dir", 1, NULL, 4 },
		{ "priv-domid", 1, NULL, 'p' },
		{ "event", 1, NULL, 'e' },
		{ "master-domid", 1, NULL, 'm' },
		{ "keep-orphans", 0, NULL, 'K' },
		{ "no-recovery", 0, NULL, 'R' },
		{ "internal-db", 2, NULL, 'I' },
		{ "live-update", 0, NULL, 'U' },
		{ "trace-control", 1, NULL, 5 },
		{ NULL, 0, NULL, 0 },
	};
	int ch, err = 0;

	while ((ch = getopt_long(argc, argv,
				 "DF:HNPT:E:S:W:t:A:M:Q:q:w:Ve:m:p:KRI::U",
				 longopts, NULL)) != -1) {
		switch (ch) {
		case 'D':
			o->no_domain_init = true;
			break;
		case 'F':
			o->pid_file = optarg;
			break;
		case 'H':
			usage(stdout);
			exit(0);
		case 'N':
			o->no_fork = true;
			break;
		case 'P':
			o->output_pid = true;
			break;
		case 'T':
			o->trace = optarg;
			break;
		case 'E':
			err = set_quota(Q_NODES, optarg);
			break;
		case 'S':
			err = set_quota(Q_NODE_SIZE, optarg);
			break;
		case 'W':
			err = set_quota(Q_WATCHES, optarg);
			break;
		case 't':
			err = set_quota(Q_TRANSACTIONS, optarg);
			break;
		case 'A':
			err = set_quota(Q_PERMS, optarg);
			break;
		case 'M':
			err = set_quota(Q_PATH_MAX, optarg);
			/* as in Xen: never beyond the protocol's limit */
			if (quota_global[Q_PATH_MAX] > XENSTORE_REL_PATH_MAX)
				quota_global[Q_PATH_MAX] =
					XENSTORE_REL_PATH_MAX;
			break;
		case 'p':
			err = set_priv_domid(optarg);
			break;
		case 'e':
		case 'm':
		case 'K':
		case 'R':
		case 'I':
		case 'U':
		case 5:
			/* Xen options without a meaning here (event channel and
			 * id of dom0, orphan nodes, live update, trace
			 * switches): accepted so existing init scripts work. */
			xlog("option -%c ignored", ch > 32 ? ch : '-');
			break;
		case 'Q':
			err = quota_set_option(optarg);
			break;
		case 'q':
		case 'w':
			break; /* soft quotas and timeouts: accepted, unused */
		case 'V':
			log_verbose = 1;
			break;
		case 1:
			o->socket = optarg;
			break;
		case 2:
			persist_file = optarg;
			break;
		case 3:
			o->log = optarg;
			break;
		case 4:
			ring_file_setup(optarg);
			break;
		default:
			usage(stderr);
			exit(2);
		}
		if (err) {
			fprintf(stderr, "xenstored: bad value for -%c: %s\n",
				ch, optarg);
			exit(2);
		}
	}
	if (optind != argc) {
		usage(stderr);
		exit(2);
	}
}

static const char *socket_path(const struct opts *o)
{
	static char buf[4096];
	const char *s;

	if (o->socket)
		return o->socket;
	s = getenv("XENSTORED_PATH");
	if (s)
		return s;
	s = getenv("XENSTORED_RUNDIR");
	snprintf(buf, sizeof(buf), "%s/socket", s ? s : "/run/xenstored");
	return buf;
}

static void daemonise(bool output_pid)
{
	pid_t pid = fork();

	if (pid < 0) {
		perror("xenstored: fork");
		exit(1);
	}
	if (pid > 0) {
		/* -P: the parent reports the daemon's pid */
		if (output_pid) {
			printf("%d\n", pid);
			fflush(stdout);
		}
		_exit(0);
	}
	setsid();
	if (chdir("/"))
		xlog("chdir /: %s", strerror(errno));
	if (!freopen("/dev/null", "r", stdin) ||
	    !freopen("/dev/null", "w", stdout))
		xlog("cannot redirect stdio");
}

static void serve_round(int lfd)
{
	static struct pollfd *pfd;
	static struct conn **owner;
	static unsigned int cap;
	unsigned int n = 0, i, want = 1;
	bool rings = false;
	struct conn *c;
	int r;

	for (c = conn_list; c; c = c->next)
		want++;
	if (want > cap) {
		struct pollfd *np = realloc(pfd, want * 2 * sizeof(*pfd));
		struct conn **no;

		if (np)
			pfd = np;
		no = np ? realloc(owner, want * 2 * sizeof(*owner)) : NULL;
		if (!no) {
			sleep(1); /* out of memory: try again later */
			return;
		}
		owner = no;
		cap = want * 2;
	}
	pfd[n].fd = lfd;
	pfd[n].events = POLLIN;
	owner[n++] = NULL;
	for (c = conn_list; c; c = c->next) {
		if (c->fd < 0) {
			rings = true;
			continue;
		}
		pfd[n].fd = c->fd;
		pfd[n].events = (conn_wants_input(c) ? POLLIN : 0) |
				(conn_has_output(c) ? POLLOUT : 0);
		owner[n++] = c;
	}
	/* Rings have no event channel yet: look at them every 2ms. */
	r = poll(pfd, n, rings ? 2 : 1000);
	if (r < 0)
		return;
	for (c = conn_list; c; c = c->next)
		if (c->fd < 0 && !c->broken && conn_wants_input(c) &&
		    !conn_input(c))
			c->broken = true;
	if (pfd[0].revents & POLLIN) {
		while (socket_accept(lfd))
			;
		/* Out of descriptors: the listener stays readable, so back off
		 * instead of spinning; existing clients are still served. */
		if (errno == EMFILE || errno == ENFILE) {
			xlog("accept: %s", strerror(errno));
			usleep(100000);
		}
	}
	/* Connections are only marked broken during the round and reaped
	 * after it, so every owner[] pointer stays valid. */
	for (i = 1; i < n; i++) {
		c = owner[i];
		if (c->broken)
			continue;
		if ((pfd[i].revents & POLLIN) && !conn_input(c)) {
			c->broken = true;
			continue;
		}
		if ((pfd[i].revents & (POLLHUP | POLLERR)) &&
		    !(pfd[i].revents & POLLIN)) {
			c->broken = true;
			continue;
		}
	}
	for (c = conn_list; c; c = c->next)
		if (!c->broken && conn_has_output(c) && !conn_output(c))
			c->broken = true;
	conn_sweep();
}

int main(int argc, char **argv)
{
	struct opts o = { 0 };
	struct sigaction sa = { .sa_handler = on_signal };
	struct rlimit rl;
	const char *sock;
	time_t last_save = time(NULL);
	FILE *pf;
	int lfd;

	quota_defaults();
	persist_file = "/var/lib/xenstored/state";
	/* One descriptor per client: allow as many as we are permitted. */
	if (!getrlimit(RLIMIT_NOFILE, &rl)) {
		rl.rlim_cur = rl.rlim_max;
		setrlimit(RLIMIT_NOFILE, &rl);
	}
	parse_args(argc, argv, &o);
	if (!o.log && !o.no_fork)
		mkdirs("/var/log/xen/xenstored.log");
	else if (o.log && strcmp(o.log, "-"))
		mkdirs(o.log);
	log_open(o.log ? o.log
		       : (o.no_fork ? "-" : "/var/log/xen/xenstored.log"));
	mkdirs(persist_file);
	if (o.trace) {
		trace_file = fopen(o.trace, "a");
		if (!trace_file)
			xlog("cannot open trace file %s", o.trace);
	}
	if (!o.no_domain_init)
		xlog("no hypervisor interface in this build: serving the "
		     "socket only (as with -D)");

	if (persist_load(persist_file) == 0)
		xlog("restored %u nodes from %s", db.count, persist_file);
	else
		db_init();

	sock = socket_path(&o);
	lfd = socket_listen(sock);
	if (lfd < 0) {
		xlog("cannot listen on %s: %s", sock, strerror(errno));
		return 1;
	}
	if (!o.no_fork)
		daemonise(o.output_pid);
	else if (o.output_pid) {
		printf("%d\n", getpid());
		fflush(stdout);
	}
	if (o.pid_file) {
		pf = fopen(o.pid_file, "w");
		if (pf) {
			fprintf(pf, "%d\n", getpid());
			fclose(pf);
		}
	}
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGUSR1, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	xlog("listening on %s", sock);

	while (!got_term) {
		serve_round(lfd);
		if (got_hup) {
			got_hup = 0;
			log_open(o.log ? o.log
				       : (o.no_fork ? "-"
						    : "/var/log/xen/"
						      "xenstored.log"));
		}
		if (got_usr1) {
			got_usr1 = 0;
			xlog("tree dump on SIGUSR1:");
			persist_dump(log_stream());
		}
		/* Bound the loss on a crash: save a changed tree every 2s. */
		if (db_dirty && time(NULL) - last_save >= 2) {
			persist_save(persist_file);
			last_save = time(NULL);
		}
	}
	xlog("exiting; saving state to %s", persist_file);
	persist_save(persist_file);
	close(lfd);
	unlink(sock);
	conn_close_all();
	store_free(&db);
	domain_free_all();
	if (o.pid_file)
		unlink(o.pid_file);
	return 0;
}
