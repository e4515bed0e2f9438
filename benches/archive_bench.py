#!/usr/bin/env python3
"""The archive bench: whole `juxta` processes on generated archives of growing size.

Run through benches/archive.sh, which builds the release binary and the generator first.
For each size it generates an archive (benches/archive_gen.rs, cached in the work folder),
imports it into a fresh store, and times the commands a user waits on, plus the terminal UI's
first frame with article text on screen (in a pseudo-terminal, 160x48), then, on the loaded
archive, the keys a user presses next: `o` (the picker), another article opened from it, an
actor selected and `n` to its first mention, each timed from the key to the last byte of the
frame that shows its result. Memory is the peak
resident set size of the process (getrusage, as /usr/bin/time reports it). Read commands
run three times and report the median; a run that exceeds the timeout prints as `>Ns`.
"""

import argparse
import fcntl
import os
import re
import select
import signal
import struct
import subprocess
import sys
import tempfile
import termios
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JUXTA = os.environ.get("JUXTA_BIN") or os.path.join(ROOT, "target", "release", "juxta")
GEN = os.path.join(ROOT, "target", "release", "examples", "archive_gen")


class Timeout(Exception):
    pass


def clean_env(home):
    env = dict(os.environ)
    for k in ("JUXTA_STORE", "JUXTA_CONFIG", "NO_COLOR"):
        env.pop(k, None)
    env["HOME"] = home
    env["XDG_CONFIG_HOME"] = os.path.join(home, "config")
    env["XDG_DATA_HOME"] = os.path.join(home, "data")
    env["TERM"] = "xterm-256color"
    return env


# CPU seconds (user + system) of the last process `run` waited for.
LAST_CPU = [0.0]


def wait_rusage(proc, timeout):
    """Waits for `proc`; returns (seconds since start, peak RSS in MB, exit status)."""
    deadline = time.monotonic() + timeout
    while True:
        pid, status, ru = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            proc.returncode = os.waitstatus_to_exitcode(status)
            LAST_CPU[0] = ru.ru_utime + ru.ru_stime
            return ru.ru_maxrss / 1024, proc.returncode
        if time.monotonic() > deadline:
            proc.kill()
            os.wait4(proc.pid, 0)
            raise Timeout()
        time.sleep(0.001)


def run(args, env, timeout):
    """One whole process: (wall seconds, peak RSS MB, exit code)."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        [JUXTA] + args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env
    )
    # Stderr is tiny (one line at most); read it after exit.
    rss, code = wait_rusage(proc, timeout)
    wall = time.perf_counter() - start
    err = proc.stderr.read().decode(errors="replace").strip()
    proc.stderr.close()
    return wall, rss, code, err


ANSI = re.compile(rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][0-9A-B]|\x1b.")


def screen_words(raw):
    # Cursor moves separate words; style changes do not.
    text = ANSI.sub(lambda m: b"" if m.group().endswith(b"m") else b" ", raw)
    return set(re.findall(r"[a-z]+", text.decode("utf-8", errors="replace").lower()))


def plain(b):
    """Output without its escape sequences: styles vanish, cursor moves become a space."""
    return ANSI.sub(lambda m: b"" if m.group().endswith(b"m") else b" ", b)


class Screen:
    """The terminal's screen, as far as the UI's output moves it: cursor positions, text,
    erasing; styles ignored. Enough to read what a frame shows, where a byte stream only says
    what changed (a title that keeps its first letters is not printed again)."""

    SEQ = re.compile(rb"\x1b\[([0-?]*)[ -/]*([@-~])|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][0-9A-B]|\x1b[^\[\]()]")

    def __init__(self, rows, cols):
        import codecs

        self.rows, self.cols = rows, cols
        self.cells = [[" "] * cols for _ in range(rows)]
        self.y = self.x = 0
        self.pending = b""
        self.decoder = codecs.getincrementaldecoder("utf-8")("replace")

    def text(self):
        return "\n".join("".join(r) for r in self.cells)

    def put(self, s):
        for ch in s:
            if ch == "\r":
                self.x = 0
            elif ch == "\n":
                self.y = min(self.y + 1, self.rows - 1)
            elif ch >= " " and self.y < self.rows and self.x < self.cols:
                self.cells[self.y][self.x] = ch
                self.x += 1

    def feed(self, data):
        data = self.pending + data
        self.pending = b""
        at = 0
        for m in self.SEQ.finditer(data):
            self.put(self.decoder.decode(data[at : m.start()]))
            at = m.end()
            if m.group(2) is None:
                continue
            args = [int(a) if a.isdigit() else 0 for a in m.group(1).split(b";")]
            final = m.group(2)
            if final in (b"H", b"f"):
                self.y = max((args[0] if args else 1) or 1, 1) - 1
                self.x = max((args[1] if len(args) > 1 else 1) or 1, 1) - 1
            elif final == b"J" and args and args[0] == 2:
                self.cells = [[" "] * self.cols for _ in range(self.rows)]
            elif final == b"K":
                for x in range(self.x, self.cols):
                    if self.y < self.rows:
                        self.cells[self.y][x] = " "
        rest = data[at:]
        esc = rest.rfind(b"\x1b")
        # An escape sequence cut by the read: kept for the next chunk.
        if esc >= 0 and len(rest) - esc < 64:
            self.pending = rest[esc:]
            rest = rest[:esc]
        self.put(self.decoder.decode(rest))


def read_some(master, wait):
    """What the terminal printed within `wait` seconds (b"" when nothing; None at its end)."""
    ready, _, _ = select.select([master], [], [], wait)
    if not ready:
        return b""
    try:
        chunk = os.read(master, 65536)
    except OSError:
        return None
    return chunk if chunk else None


def settle(master, screen, quiet=0.3, limit=10.0):
    """Reads until the terminal has printed nothing for `quiet` seconds."""
    end = time.monotonic() + limit
    while time.monotonic() < end:
        chunk = read_some(master, quiet)
        if not chunk:
            return
        screen.feed(chunk)


def keys_until(master, screen, keys, marker, timeout, gone=None):
    """Sends `keys` and times until the screen shows `marker` (and no longer `gone`) and the
    frame holding it is complete: the time of the last byte printed before the terminal falls
    quiet. `None` when the marker never shows."""
    settle(master, screen)
    start = time.perf_counter()
    os.write(master, keys)
    deadline = time.monotonic() + timeout
    shows = lambda t: marker in t and (gone is None or gone not in t)
    while not shows(screen.text()):
        if time.monotonic() > deadline:
            return None
        chunk = read_some(master, 0.01)
        if chunk is None:
            return None
        screen.feed(chunk)
    last = time.perf_counter()
    # The rest of the frame: ratatui writes it in one go, so a short silence ends it.
    while True:
        chunk = read_some(master, 0.1)
        if not chunk:
            return last - start
        screen.feed(chunk)
        last = time.perf_counter()


def pick_target(db, screen):
    """An article to open from the picker: (id, what its pane shows first), one whose title
    the screen does not show, from the middle of the archive."""
    import sqlite3

    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT id, title FROM article ORDER BY imported, id").fetchall()
    shown = screen.text()
    rows = rows[len(rows) // 2:] + rows[: len(rows) // 2]
    for id_, title in rows:
        # The pane's border shows the title, cut to the pane's width.
        head = " ".join(title.split())[:20]
        if len(head) >= 8 and head not in shown:
            return id_, head
    return None


def tui_interactions(master, db, raw, timeout):
    """With the archive loaded: seconds to open the picker (`o`), to open another article
    from it (its id typed as the filter, then Enter), to select the first actor of the
    Actors tab (Enter) and to jump to its first mention (`n`). `None` for a step whose
    screen never came."""
    times = {"picker": None, "open": None, "actor": None, "mention": None}
    screen = Screen(48, 160)
    screen.feed(raw)
    settle(master, screen)
    target = pick_target(db, screen)
    if target is None:
        return times
    id_, head = target
    times["picker"] = keys_until(master, screen, b"o", "filter:", timeout)
    if times["picker"] is None:
        return times
    # The filter is typed, not timed: the last key leaves one row, the target's.
    for c in id_.encode():
        os.write(master, bytes([c]))
        settle(master, screen, 0.05)
    # The picker shows the title too: the new pane's title counts once the picker is gone.
    times["open"] = keys_until(master, screen, b"\r", head, timeout, gone="filter:")
    # The Actors tab, then its first actor; `n` jumps to that actor's first mention, most
    # often in an article not open yet.
    os.write(master, b"a")
    times["actor"] = keys_until(master, screen, b"\r", "mentions in", timeout)
    times["mention"] = keys_until(master, screen, b"n", "mention 1 of", timeout)
    if os.environ.get("JUXTA_BENCH_SCREEN"):
        print(screen.text(), file=sys.stderr)
    return times


def tui_first_frame(store, env, vocab, timeout):
    """Seconds until the TUI shows article text, seconds until the archive has loaded behind it
    (the status says "archive loaded"; None when it was loaded before the first frame), the
    steps of `tui_interactions` on the loaded archive, seconds `q` then takes to end it, peak
    RSS."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 48, 160, 0, 0))

    def controlling_tty():
        os.setsid()
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)

    start = time.perf_counter()
    proc = subprocess.Popen(
        [JUXTA, "--store", store],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        preexec_fn=controlling_tty,
        close_fds=True,
    )
    os.close(slave)
    raw = b""
    first = None
    deadline = time.monotonic() + timeout
    try:
        while first is None:
            if time.monotonic() > deadline:
                raise Timeout()
            ready, _, _ = select.select([master], [], [], 0.01)
            if ready:
                try:
                    chunk = os.read(master, 65536)
                except OSError:
                    break
                if not chunk:
                    break
                raw += chunk
                # Ten words of the archive's vocabulary: article text, not a progress bar.
                if len(screen_words(raw) & vocab) >= 10:
                    first = time.perf_counter() - start
        if first is None:
            raise Timeout()
        # A large archive loads behind the first frame: wait for it, so that the memory
        # reported is that of the whole archive loaded, not of the first frame alone.
        loaded = None
        # The status bar is the last row drawn: read on until the frame's end shows it.
        status_by = time.monotonic() + 1.0
        while b"loading the archive" not in plain(raw) and time.monotonic() < status_by:
            ready, _, _ = select.select([master], [], [], 0.01)
            if ready:
                try:
                    chunk = os.read(master, 65536)
                except OSError:
                    break
                if not chunk:
                    break
                raw += chunk
        if b"loading the archive" in plain(raw):
            loaded_deadline = time.monotonic() + timeout
            while loaded is None:
                if time.monotonic() > loaded_deadline:
                    loaded = f">{timeout:.0f} s"
                    break
                ready, _, _ = select.select([master], [], [], 0.01)
                if ready:
                    try:
                        chunk = os.read(master, 65536)
                    except OSError:
                        break
                    if not chunk:
                        break
                    raw += chunk
                    tail = ANSI.sub(lambda m: b"" if m.group().endswith(b"m") else b" ", raw[-len(chunk) - 256:])
                    if b"archive loaded" in tail:
                        loaded = time.perf_counter() - start
        # Only on a loaded archive: what a user waits on after the first frame.
        steps = tui_interactions(master, os.path.join(store, "juxta.db"), raw, timeout)
        pressed = time.perf_counter()
        os.write(master, b"q")
        quit_deadline = time.monotonic() + 10
        while True:
            pid, status, ru = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                return first, loaded, steps, time.perf_counter() - pressed, ru.ru_maxrss / 1024
            if time.monotonic() > quit_deadline:
                raise Timeout()
            select.select([master], [], [], 0.005)
            try:
                os.read(master, 65536)
            except OSError:
                pass
    except Timeout:
        proc.send_signal(signal.SIGKILL)
        os.wait4(proc.pid, 0)
        raise
    finally:
        os.close(master)


def median(xs):
    xs = sorted(xs)
    return xs[len(xs) // 2]


def fmt_s(x):
    if x is None:
        return "n/a"
    if isinstance(x, str):
        return x
    return f"{x * 1000:.0f} ms" if x < 1 else f"{x:.2f} s"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sizes", nargs="*", type=int, default=[1000, 10000])
    ap.add_argument("--work", default=os.path.join(tempfile.gettempdir(), "juxta-archive-bench"))
    ap.add_argument("--timeout", type=float, default=120.0, help="seconds per process")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument(
        "--reuse",
        type=int,
        action="append",
        default=[],
        metavar="SIZE",
        help="keep the store of this size from an earlier run (its import is not timed)",
    )
    opts = ap.parse_args()
    os.makedirs(opts.work, exist_ok=True)
    home = os.path.join(opts.work, "home")
    os.makedirs(home, exist_ok=True)
    env = clean_env(home)

    rows = [
        ("articles (text MB)", ""),
        ("add: articles/s", ">= 1,000"),
        ("add: CPU s (user+sys)", ""),
        ("add: peak RSS", ""),
        ("list", "< 1 s"),
        ("views: first actors after add", ""),
        ("views: peak RSS", ""),
        ("actors", "< 1 s"),
        ("events", "< 1 s"),
        ("actors --json", "< 1 s"),
        ("actors --json: peak RSS", ""),
        ("events --json", "< 1 s"),
        ("compare A --all", "< 0.3 s"),
        ("compare A --all: peak RSS", "< 200 MB"),
        ("search (word)", "< 50 ms"),
        ("search (phrase)", "< 50 ms"),
        ("search (prefix*)", "< 50 ms"),
        ("TUI first frame with text", "< 0.5 s"),
        ("TUI: archive loaded behind it", ""),
        ("TUI: o (the picker)", ""),
        ("TUI: open another article", "< 50 ms"),
        ("TUI: select an actor", "< 50 ms"),
        ("TUI: n (its first mention)", "< 50 ms"),
        ("TUI: q to exit", ""),
        ("TUI: peak RSS", "< 500 MB"),
    ]
    table = {name: [] for name, _ in rows}

    for n in opts.sizes:
        gen = os.path.join(opts.work, f"gen-{n}")
        if not os.path.exists(os.path.join(gen, "queries.txt")):
            subprocess.run([GEN, str(n), gen], check=True)
        vocab = set(open(os.path.join(gen, "vocab.txt")).read().split())
        queries = open(os.path.join(gen, "queries.txt")).read().splitlines()
        mb = 0
        for dirpath, _, files in os.walk(os.path.join(gen, "articles")):
            mb += sum(os.path.getsize(os.path.join(dirpath, f)) for f in files)
        table["articles (text MB)"].append(f"{n:,} ({mb / 1e6:.0f} MB)")
        store = os.path.join(opts.work, f"store-{n}")
        db = os.path.join(store, "juxta.db")
        if n in opts.reuse and os.path.exists(db):
            # The store of an earlier run, kept: its import is not timed again, and its views
            # are made stale so that building them is.
            import sqlite3

            with sqlite3.connect(db) as conn:
                conn.execute("DELETE FROM meta WHERE key = 'views'")
            for label in ("add: articles/s", "add: CPU s (user+sys)", "add: peak RSS"):
                table[label].append("(kept)")
        else:
            subprocess.run(["rm", "-rf", store], check=True)
        print(f"# {n} articles: importing…", file=sys.stderr)
        try:
            if n in opts.reuse and os.path.exists(db):
                raise KeyError("kept")
            wall, rss, code, err = run(
                ["--store", store, "add", os.path.join(gen, "articles")], env, opts.timeout * 10
            )
            ok = code == 0
            table["add: articles/s"].append(f"{n / wall:,.0f}" if ok else f"failed: {err[:40]}")
            # On a shared machine the wall time waits for the CPU too: the CPU time says what
            # an idle machine would take.
            table["add: CPU s (user+sys)"].append(f"{LAST_CPU[0]:.1f} s")
            table["add: peak RSS"].append(f"{rss:.0f} MB")
        except KeyError:
            pass
        except Timeout:
            table["add: articles/s"].append(f"<{n / (opts.timeout * 10):.0f}")
            table["add: CPU s (user+sys)"].append("n/a")
            table["add: peak RSS"].append("n/a")

        def timed(label, args, rss_label=None):
            print(f"# {n} articles: {label}…", file=sys.stderr)
            walls, rsss = [], []
            for _ in range(opts.runs):
                try:
                    wall, rss, code, err = run(["--store", store] + args, env, opts.timeout)
                except Timeout:
                    table[label].append(f">{opts.timeout:.0f} s")
                    if rss_label:
                        table[rss_label].append("n/a")
                    return
                if code != 0:
                    table[label].append("n/a" if "unrecognized" in err else f"exit {code}")
                    if rss_label:
                        table[rss_label].append("n/a")
                    return
                walls.append(wall)
                rsss.append(rss)
            table[label].append(fmt_s(median(walls)))
            if rss_label:
                table[rss_label].append(f"{max(rsss):.0f} MB")

        timed("list", ["list"])
        # The first actors (or events) after an import builds the archive's views (the people
        # merge and the timeline over every article, written to the database); later runs read
        # them. Timed apart, so that neither hides the other.
        print(f"# {n} articles: building the views…", file=sys.stderr)
        try:
            wall, rss, code, err = run(["--store", store, "actors"], env, opts.timeout * 10)
            table["views: first actors after add"].append(
                fmt_s(wall) if code == 0 else f"exit {code}"
            )
            table["views: peak RSS"].append(f"{rss:.0f} MB")
        except Timeout:
            table["views: first actors after add"].append(f">{opts.timeout * 10:.0f} s")
            table["views: peak RSS"].append("n/a")
        timed("actors", ["actors"])
        timed("events", ["events"])
        # The whole archive as JSON (every mention, every event with its sentence: hundreds of
        # megabytes at 100,000 articles), written to /dev/null.
        timed("actors --json", ["actors", "--json"], "actors --json: peak RSS")
        timed("events --json", ["events", "--json"])
        timed("compare A --all", ["compare", "a000000", "--all"], "compare A --all: peak RSS")
        for label, q in zip(("search (word)", "search (phrase)", "search (prefix*)"), queries):
            timed(label, ["search", q])
        for label in ("search (word)", "search (phrase)", "search (prefix*)"):
            if len(table[label]) < len(table["list"]):
                table[label].append("n/a")
        print(f"# {n} articles: TUI…", file=sys.stderr)
        try:
            first, loaded, steps, quit_s, rss = tui_first_frame(store, env, vocab, opts.timeout)
            table["TUI first frame with text"].append(fmt_s(first))
            table["TUI: archive loaded behind it"].append(fmt_s(loaded) if loaded is not None else "with it")
            for label, key in (
                ("TUI: o (the picker)", "picker"),
                ("TUI: open another article", "open"),
                ("TUI: select an actor", "actor"),
                ("TUI: n (its first mention)", "mention"),
            ):
                table[label].append(fmt_s(steps[key]))
            table["TUI: q to exit"].append(fmt_s(quit_s))
            table["TUI: peak RSS"].append(f"{rss:.0f} MB")
        except Timeout:
            table["TUI first frame with text"].append(f">{opts.timeout:.0f} s")
            table["TUI: archive loaded behind it"].append("n/a")
            for label in ("TUI: o (the picker)", "TUI: open another article", "TUI: select an actor", "TUI: n (its first mention)"):
                table[label].append("n/a")
            table["TUI: q to exit"].append("n/a")
            table["TUI: peak RSS"].append("n/a")

    cores = os.cpu_count()
    load = os.getloadavg()[0]
    print(f"juxta archive bench: {cores} cores (load average {load:.1f} at the end), whole processes, median of {opts.runs} runs")
    head = ["", "budget at 100k"] + [f"{n:,}" for n in opts.sizes]
    lines = [[name, budget] + table[name] for name, budget in rows]
    widths = [max(len(r[i]) for r in [head] + lines) for i in range(len(head))]
    fmt = lambda r: "| " + " | ".join(c.ljust(w) for c, w in zip(r, widths)) + " |"
    print(fmt(head))
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for r in lines:
        print(fmt(r))


if __name__ == "__main__":
    main()
