#!/usr/bin/env python3
"""crypto-recover: recover a secret from a weakly encrypted file (answer tasks)."""
import hashlib, random, sys
sys.path.insert(0, "/tmp/taskgen")
from lib import task, answer_scorer
CAT = sys.argv[1]
R = random.Random(4242)
TEXT = ("The quarterly maintenance window moves to Thursday night. Engineers on call should confirm the runbook "
        "before the change, and the database team will take the replicas out of rotation one at a time. "
        "If anything goes wrong during the migration, roll back first and ask questions later. The vault "
        "credentials for the reporting service have been rotated; the new access token is recorded below and "
        "must not be shared outside the operations group. Remember that every change needs a ticket, a reviewer "
        "and a tested rollback plan, and that the status page must be updated before customers notice. ")
def flag():
    return "FLAG{%s}" % "".join(R.choice("0123456789abcdef") for _ in range(24))

# 1. single-byte XOR
f1 = flag()
pt = (TEXT + "Token: " + f1 + "\n").encode()
k = R.randint(1, 255)
task(CAT, "crypto-recover/single-byte-xor", domain="security",
     summary="Recover a token from a file XORed with one unknown byte",
     minutes=8, notes="estimate: look at the bytes, guess XOR from the hint (2 min), write a loop over 256 keys scoring printable English (4 min), read off the token (2 min): about 8 min",
     instructions="`secret.bin` is a plain-text memo that was 'encrypted' by XORing every byte with the same unknown byte. The memo contains an access token of the form `FLAG{...}`.\n\nWrite the token (the whole `FLAG{...}`) to `answer.txt`.",
     files={"secret.bin": bytes(b ^ k for b in pt)}, tests={"answer.txt": f1 + "\n"},
     solve='''python3 - <<'EOF' > answer.txt
import re
data = open("secret.bin", "rb").read()
best = max(range(256), key=lambda k: sum(65 <= (b ^ k) | 32 <= 122 and (b ^ k) | 32 >= 97 or b ^ k == 32 for b in data))
print(re.search(rb"FLAG\\{[0-9a-f]+\\}", bytes(b ^ best for b in data)).group().decode())
EOF''', scorer=answer_scorer(), requires=["bash", "python3"], tags=["answer", "crypto", "ctf"])

# 2. repeating-key XOR, unknown key length
f2 = flag()
key = bytes(R.randint(0, 255) for _ in range(R.randint(7, 13)))
pt = (TEXT * 3 + "Token: " + f2 + "\n" + TEXT).encode()
ct = bytes(b ^ key[i % len(key)] for i, b in enumerate(pt))
solve2 = '''python3 - <<'EOF' > answer.txt
import re
data = open("memo.enc", "rb").read()
def score(col, k):
    return sum(97 <= (b ^ k) | 32 <= 122 or b ^ k == 32 for b in col)
def hd(a, b):
    return sum(bin(x ^ y).count("1") for x, y in zip(a, b))
# key length: the smallest normalised Hamming distance between blocks
def dist(n):
    blocks = [data[i:i + n] for i in range(0, n * 40, n)]
    return sum(hd(blocks[i], blocks[i + 1]) for i in range(39)) / (39 * n)
for n in sorted(range(2, 41), key=dist)[:5]:
    key = bytes(max(range(256), key=lambda k: score(data[i::n], k)) for i in range(n))
    pt = bytes(b ^ key[i % n] for i, b in enumerate(data))
    m = re.search(rb"FLAG\\{[0-9a-f]+\\}", pt)
    if m:
        print(m.group().decode()); break
EOF'''
task(CAT, "crypto-recover/repeating-xor", domain="security",
     summary="Break a repeating-key XOR of unknown key length and recover the token in the memo",
     minutes=40, notes="estimate: recognise repeating-key XOR (5 min), find the key length by Hamming distance or index of coincidence (10 min), solve each key byte as single-byte XOR by English scoring (10 min), debug off-by-one key lengths and multiples (10 min), extract the token (5 min): about 40 min for an engineer who knows the technique exists but has not coded it",
     instructions="`memo.enc` is an English memo encrypted by XOR with a short repeating key (the key's length is unknown, between 2 and 40 bytes). The memo contains an access token of the form `FLAG{...}`.\n\nWrite the token to `answer.txt`.",
     files={"memo.enc": ct}, tests={"answer.txt": f2 + "\n"}, solve=solve2,
     scorer=answer_scorer(), requires=["bash", "python3"], tags=["answer", "crypto", "ctf"])

# 3. time-seeded LCG keystream
f3 = flag()
seed = 1750000000 + R.randint(0, 86399)
def lcg_stream(seed, n):
    x, out = seed & 0xFFFFFFFF, []
    for _ in range(n):
        x = (1103515245 * x + 12345) & 0x7FFFFFFF
        out.append((x >> 16) & 0xFF)
    return bytes(out)
pt = ("BACKUP-MANIFEST v2\nhost=db-07\nretention=30d\nkey=" + f3 + "\n").encode()
ct = bytes(a ^ b for a, b in zip(pt, lcg_stream(seed, len(pt))))
encsrc = '''#!/usr/bin/env python3
"""Encrypt a backup manifest (our "lightweight" scheme).  Usage: encrypt.py IN OUT"""
import sys, time


def keystream(seed, n):
    x, out = seed & 0xFFFFFFFF, []
    for _ in range(n):
        x = (1103515245 * x + 12345) & 0x7FFFFFFF
        out.append((x >> 16) & 0xFF)
    return bytes(out)


data = open(sys.argv[1], "rb").read()
seed = int(time.time())  # fresh key every run
open(sys.argv[2], "wb").write(bytes(a ^ b for a, b in zip(data, keystream(seed, len(data)))))
'''
task(CAT, "crypto-recover/time-seeded", domain="security",
     summary="Recover a key from a backup manifest encrypted with a keystream seeded by the clock",
     minutes=20, notes="estimate: read encrypt.py and spot the time seed (4 min), read the log for the day of encryption (2 min), write a brute force over the 86,400 seconds of that day checking for the manifest's known header (8 min), run and extract (6 min): about 20 min",
     instructions="`manifest.enc` was produced by `encrypt.py` (in the workspace) on 2025-06-15 or 2025-06-16 UTC, according to `backup.log`. Manifests are plain text and always begin with the line `BACKUP-MANIFEST v2`.\n\nRecover the manifest and write the value of its `key=` line (the whole `FLAG{...}`) to `answer.txt`.",
     files={"manifest.enc": ct, "encrypt.py": encsrc,
            "backup.log": "2025-06-15T00:00:03Z rotate start\n2025-06-15T23:59:58Z manifest encrypted (host db-07)\n" if False else
            "2025-06-14T23:10:00Z backup start host=db-07\n2025-06-15T03:12:44Z snapshot done\n2025-06-15/16 manifest encrypted and uploaded (exact time not logged)\n"},
     tests={"answer.txt": f3 + "\n"},
     solve='''python3 - <<'EOF' > answer.txt
import calendar, re
data = open("manifest.enc", "rb").read()
head = b"BACKUP-MANIFEST v2"
def ks(seed, n):
    x, out = seed & 0xFFFFFFFF, []
    for _ in range(n):
        x = (1103515245 * x + 12345) & 0x7FFFFFFF
        out.append((x >> 16) & 0xFF)
    return bytes(out)
t0 = calendar.timegm((2025, 6, 15, 0, 0, 0))
for s in range(t0, t0 + 2 * 86400):
    x = s & 0xFFFFFFFF
    x = (1103515245 * x + 12345) & 0x7FFFFFFF
    if (x >> 16) & 0xFF != data[0] ^ head[0]:
        continue
    pt = bytes(a ^ b for a, b in zip(data, ks(s, len(data))))
    if pt.startswith(head):
        print(re.search(rb"key=(FLAG\\{[0-9a-f]+\\})", pt).group(1).decode()); break
EOF''', scorer=answer_scorer(), requires=["bash", "python3"], tags=["answer", "crypto", "ctf"])

# 4. unsalted hash of a rule-based password
words = ["falcon", "harbor", "copper", "meadow", "signal", "lantern", "orchid", "thunder", "marble", "pepper",
         "walnut", "canyon", "ember", "glacier", "saffron", "timber", "velvet", "zephyr", "quartz", "juniper"]
wl = sorted(set(words + ["%s%s" % (a, b) for a in ("red", "blue", "dark") for b in ("fox", "owl", "sky")]))
pw = R.choice(words).capitalize() + "%02d" % R.randint(0, 99) + R.choice("!@#$")
users = []
for u in ("admin", "svc-backup", "maria", "jonas"):
    p = pw if u == "svc-backup" else "".join(R.choice("abcdefghjkmnpqrstuvwxyz23456789") for _ in range(14))
    users.append("%s:%s" % (u, hashlib.sha256(p.encode()).hexdigest()))
task(CAT, "crypto-recover/password-policy", domain="security",
     summary="Crack the backup account's unsalted SHA-256 password from the leaked policy and wordlist",
     minutes=12, notes="estimate: read the shadow dump and the policy (3 min), write a generator over words x capitalisation x 2 digits x symbol (5 min), run and verify the hash (4 min): about 12 min",
     instructions="`shadow.txt` (user:sha256-hex-of-password, no salt) was leaked together with the password policy in `POLICY.md` and the team's `wordlist.txt`. The `svc-backup` account's password was chosen by following the policy.\n\nWrite the `svc-backup` password to `answer.txt`.",
     files={"shadow.txt": "\n".join(users) + "\n", "wordlist.txt": "\n".join(wl) + "\n",
            "POLICY.md": "# Password policy\n\nService passwords: one word from the team wordlist with its first letter capitalised, then exactly two digits, then one of the symbols `! @ # $`.\n"},
     tests={"answer.txt": pw + "\n"},
     solve='''python3 - <<'EOF' > answer.txt
import hashlib
want = [l.split(":")[1].strip() for l in open("shadow.txt") if l.startswith("svc-backup:")][0]
for w in open("wordlist.txt").read().split():
    for n in range(100):
        for s in "!@#$":
            p = "%s%02d%s" % (w.capitalize(), n, s)
            if hashlib.sha256(p.encode()).hexdigest() == want:
                print(p)
EOF''', scorer=answer_scorer(), requires=["bash", "python3"], tags=["answer", "crypto", "passwords"])
