import io, os, runpy, subprocess, sys
H = os.path.dirname(os.path.abspath(__file__)); WS = os.getcwd()
REF = os.path.join(H, "reference.py")
def ref(args, data, script=REF):
    inp = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8", newline="\n")
    ob, eb = io.BytesIO(), io.BytesIO()
    out = io.TextIOWrapper(ob, encoding="utf-8", newline="\n"); err = io.TextIOWrapper(eb, encoding="utf-8", newline="\n")
    old = sys.argv, sys.stdin, sys.stdout, sys.stderr
    sys.argv, sys.stdin, sys.stdout, sys.stderr = [script] + args, inp, out, err
    code = 0
    try: runpy.run_path(script, run_name="__main__")
    except SystemExit as e: code = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
    except BaseException as e: code = 99; err.write("exception %r" % (e,))
    finally:
        out.flush(); err.flush(); sys.argv, sys.stdin, sys.stdout, sys.stderr = old
    return code, ob.getvalue(), eb.getvalue().decode()
B = lambda s: s.encode("utf-8")
base = B('name,qty,note\r\n"Smith, J",3,"said ""hi"""\r\nLee,-2.5,"multi\nline"\r\n\r\nO\'Neil, 7 ,\r\n')
cases = [
    ([], b""), ([], b"\n\n"), ([], b"a"), ([], b"a,b\n"), ([], b"a,b,\n,\n"), ([], base), (["--eol", "crlf"], base),
    (["--out-delim", ";"], base), (["--out-delim", "\\t"], base), (["--quote", "all"], base), (["--quote", "nonnumeric"], base),
    (["--quote", "none"], b"a,b\nc,d\n"), (["--quote", "none"], base), (["--quote", "none"], b'x\n""\n'), (["--quote", "none", "--out-delim", "|"], b"a,b|c\n"),
    (["--in-delim", ";"], b'a;b,c;"d;e"\n1;2;3\n'), (["--in-delim", "\\t", "--out-delim", ","], b'a\tb c\t"x\ty"\n'),
    ([], b'\xef\xbb\xbfid,val\n1,2\n'), ([], b'""\n'), ([], b'"",""\n'), ([], b"   \n"), ([], b'a"b,c""d\n'), ([], b"x\ry,z\r\n"),
    ([], b'"a"b,c\n'), ([], b'a,"b\nc\nd"x\n'), ([], b'a,"open\nfield\n'), ([], b'ok\n"bad\n'), ([], b'a,"b"\r\n'), ([], b'a,"b"\rc\n'),
    ([], B("caf\u00e9,\u2603 \n")), (["--quote", "nonnumeric"], b"1,-2,3.5,-0.25,1.,.5,+1,1e5,,x\n"),
    (["--select", "note,name"], base), (["--select", "qty,qty"], base), (["--select", "zzz"], base), (["--select", "c"], b"a,b,c\n1,2,3,4\n5\n"),
    (["--select", "a"], b"a,b,a\n1,2,3\n"), (["--select", "x"], b""), (["--select", "note", "--quote", "all", "--eol", "crlf"], base),
    ([], b'a\n\n\nb\n'), ([], b'"x"\n\n""\n'), (["--quote", "minimal"], b' a,b ,\t\n'),
]
fails = 0
for i, (args, data) in enumerate(cases):
    want = ref(args, data)
    if i % 8 == 5:   # some through a real process, the rest in-process (fast)
        p = subprocess.run([sys.executable, os.path.join(WS, "csvconv.py")] + args, input=data, capture_output=True, timeout=30)
        got = (p.returncode, p.stdout, p.stderr.decode(errors="replace"))
    else:
        got = ref(args, data, os.path.join(WS, "csvconv.py"))
    ok = got[0] == want[0] and got[1] == want[1]
    if ok and want[0] == 1:
        ok = got[2].strip() == want[2].strip()
    if not ok:
        fails += 1
        print("FAIL case %d %r on %r:\n  got  %r\n  want %r" % (i, args, data[:60], got, want))
print("passed %d of %d" % (len(cases) - fails, len(cases)))
sys.exit(1 if fails else 0)
