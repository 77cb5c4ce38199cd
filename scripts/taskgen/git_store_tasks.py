"""Write the git-store family: git's object store and porcelain from scratch, six levels.

Usage: python3 git_store_tasks.py CATALOG [SOURCE]
SOURCE holds the reference solution `mgit.py` and the scorer `run_git.py` (default: the copies in
CATALOG/git-store/full/{solution,tests}, which are the canonical sources).  The scorer builds its
repositories at run time with the real git from fixed seeds, so there is no recorded data."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lib import task

CAT = sys.argv[1]
SRC = sys.argv[2] if len(sys.argv) > 2 else None


def source(name, sub):
    p = os.path.join(SRC, name) if SRC else os.path.join(CAT, "git-store", "full", sub, name)
    return open(p).read()


MGIT, SCORER = source("mgit.py", "solution"), source("run_git.py", "tests")

HEAD = """# mgit: git's object store{title}, from scratch

Write `mgit`, a reimplementation of part of git, as an executable in the workspace root (a script
with a `#!` line, or a binary: if the workspace has `build.sh`, the scorer runs `bash build.sh`
first).  Any language installed here, but **no git**: `mgit` must not run `git` or any git helper,
and must not use libgit2, pygit2, dulwich, JGit or any other git library.  The hidden tests run it
with a `PATH` that has no `git` in it, and with `GIT_DIR`, `GIT_OBJECT_DIRECTORY`,
`GIT_INDEX_FILE` and `GIT_EXEC_PATH` set to a path that does not exist (`mgit` ignores them).  zlib and SHA-1 are fine (Python's `zlib` and `hashlib`).

`mgit` works on real git repositories: a directory with a `.git` directory in it (found from the
current directory upwards), laid out exactly as git lays it out (`.git/HEAD`, `.git/objects/`,
`.git/refs/heads/`, ...).  The hidden tests build repositories both with the real `git` (version
2.39 here; use it to check your understanding) and with `mgit`, and cross-check both ways: what
`mgit` writes must pass `git fsck --full` and read back identically with `git`; what `git` writes
must be read correctly by `mgit`; object ids must be byte-identical to git's for the same content.
Where an output format is given as a git command, `mgit`'s output must be byte-identical to that
command's on the same repository.

General rules: an error (a missing object, an unknown revision, bad usage) prints a message on
standard error and exits non-zero without changing anything.  Commits take their identity and
dates from `GIT_AUTHOR_NAME`, `GIT_AUTHOR_EMAIL`, `GIT_AUTHOR_DATE`, `GIT_COMMITTER_NAME`,
`GIT_COMMITTER_EMAIL`, `GIT_COMMITTER_DATE`; the tests always set all six, the dates as
`SECONDS +HHMM` (Unix time and a UTC offset, e.g. `1700003671 +0130`), written into the object as
they are.  Commit messages given with `-m` get a newline appended.  The tests use file names made of
ASCII letters, digits and `.-_` only, and no `.gitignore`, submodules, hooks or configuration.
Object ids on the command line may be abbreviated to 4 or more hex digits (unique in the
repository), in either case.

## Commands
"""

L1 = """- `mgit init [DIR]`: create an empty repository in `DIR` (default: the current directory):
  `.git/objects/`, `.git/refs/heads/`, `.git/refs/tags/`, `.git/HEAD` containing
  `ref: refs/heads/main`, and a `.git/config` with `[core] repositoryformatversion = 0`, `bare =
  false`.  The output is not checked.
- `mgit hash-object [-w] [-t TYPE] [--stdin] [FILE...]`: print the id of an object of type `TYPE`
  (blob, tree, commit or tag; default blob) whose content is standard input (`--stdin`, first) and
  then each FILE, one id a line, like `git hash-object`.  With `-w` also store it as a loose object
  (`.git/objects/xx/yyyy...`, zlib-compressed `TYPE SIZE\\0CONTENT`); without `-w` it works outside
  a repository and writes nothing.
- `mgit cat-file -t|-s|-p|-e|TYPE OBJECT`: like `git cat-file`: the type, the size in bytes, the
  content (`-p`; for a blob, its bytes), or the raw content when `TYPE` is given (`mgit cat-file
  blob ID`).  `-e` prints nothing and exits 0 when the object exists, 1 when it does not.
"""
L2 = """- `mgit cat-file -p` of every type: a tree is printed like `git cat-file -p` (`MODE TYPE ID<TAB>NAME`,
  modes as six digits, e.g. `040000 tree ...`); commits and tags as their raw content.
- `mgit write-tree`: in this level, store the whole work tree (every file and symlink below the
  repository root, `.git` excluded; empty directories are not part of a tree) as blobs and trees
  and print the root tree's id: the same id as `git add -A && git write-tree` on the same files.
  Modes: `100644`, `100755` (owner-executable), `120000` (symlink, the blob is the link target),
  `040000` (tree); entries in git's order (a tree's name sorts as if it ended in `/`).  It writes
  no index.
- `mgit commit-tree TREE [-p PARENT]... -m MESSAGE`: store a commit object with that tree, those
  parents in that order, author and committer from the environment; print its id (the same id as
  `git commit-tree` with the same environment).
- `mgit ls-tree [-r] [--name-only] TREE-ISH`: like `git ls-tree` (TREE-ISH: a tree or a commit id).
"""
L3 = """- **The index** (`.git/index`): git's real index file, format `DIRC` version 2 (see git's
  `Documentation/gitformat-index.txt`): header, entries sorted by path, each with the file's stat
  data (ctime, mtime, dev, ino, mode, uid, gid, size), the blob id, flags with the name length, the
  path and NUL padding to a multiple of 8 bytes; then extensions (ignore the ones git writes, such
  as `TREE`, when reading; write none) and the SHA-1 of everything before it.  `git` must read
  the index `mgit` writes (`git ls-files --stage`, `git status`), and `mgit` must read the index
  `git` writes.
- `mgit add PATH...`: stage files, symlinks and directories (recursively), like `git add`: a path
  that no longer exists in the work tree but is in the index, or index entries below a directory
  argument whose files are gone, are removed from the index (`mgit add .` stages everything).  A
  path that matches nothing is an error.
- `mgit rm [--cached] PATH...`: remove files from the index and (without `--cached`) from the work
  tree.  A path not in the index is an error and nothing is removed.  (The tests remove only files
  whose content matches the index.)
- `mgit ls-files [--stage]`: like `git ls-files [--stage]`.
- `mgit write-tree`: write the tree of **the index** (like `git write-tree`).
- `mgit commit -m MESSAGE`: commit the index: a commit whose parent is the current `HEAD` commit
  (none for the first commit) and advance the branch `HEAD` points to (or `HEAD` itself when it is
  detached); print the new commit's id.  The id must equal git's for the same index, parent,
  message and environment.
- `mgit log [REV]`: the commits from `REV` (default `HEAD`) following first parents, in the format
  of `git log` with no options (`commit ID`, `Author: NAME <EMAIL>`, `Date:   ...` in the author's
  own UTC offset, a blank line, the message lines indented by four spaces, a blank line between
  commits).  The tests use `log` only on histories without merges.
"""
L4 = """- **Revisions** wherever a commit or object is expected: a full or abbreviated id, `HEAD` (or `@`),
  a branch or tag name (looked up as `refs/NAME`, `refs/tags/NAME`, `refs/heads/NAME`, in that
  order), a full ref name such as `refs/heads/main` or `heads/main`, followed by any number of
  `~N`, `^N`, `^`, `~` (first parent; `^N` the N-th parent) and at the end optionally `^{commit}`,
  `^{tree}` or `^{}` (an annotated tag is followed to its target when a commit or tree is needed).
- `mgit rev-parse REV...`: print the full id of each revision, one a line, like `git rev-parse`
  (an annotated tag's name gives the tag object's id).  An unknown revision is an error.
- `mgit symbolic-ref HEAD`: print the ref `HEAD` points to (`refs/heads/main`); with a detached
  `HEAD` it is an error.
- `mgit branch`: list branches like `git branch` (sorted, `* ` before the current one, two spaces
  before the others; with a detached `HEAD` a first line `* (HEAD detached at ID7)`, `ID7` the first
  7 hex digits of the commit).  `mgit branch NAME [START]` creates a branch at `START` (default
  `HEAD`); an existing NAME is an error.  `mgit branch -D NAME...` deletes branches (not the
  current one).
- `mgit checkout BRANCH`, `mgit checkout REV` (detached `HEAD`: `.git/HEAD` holds the id), `mgit
  checkout -b NAME [START]`: switch like `git checkout`: the work tree and the index become the
  target commit's tree (files of the old tree not in the new one are deleted, and directories left
  empty by that removed; new and changed files written with their modes; the index rewritten with
  fresh stat data), untracked files are left alone, and `.git/HEAD` ends up exactly as git writes
  it (`ref: refs/heads/NAME` or the commit id).  Unlike git, `mgit checkout` refuses (error, nothing
  changed) when any tracked file has staged or unstaged changes, or when an untracked file would be
  overwritten.
- `mgit status --porcelain`: exactly `git -c status.renames=false status --porcelain` (format v1):
  `XY PATH` for each path that differs between `HEAD`'s tree and the index (`X`: `A`, `M`, `D`,
  `T` for a type change) or between the index and the work tree (`Y`: `M`, `D`, `T`), sorted by
  path; then `?? PATH` for each untracked file, sorted, where a directory that contains no tracked
  file is shown once as `?? DIR/` (and not at all if it contains no file).  Modes count (an
  added executable bit is `M`).
"""
L5 = """- **Packed repositories**: every command must work on repositories the real git has packed
  (`git gc`, `git repack -adf`): objects in `.git/objects/pack/pack-*.pack` with their `.idx`
  (index version 2: fan-out table, sorted ids, CRC32s, 4-byte offsets and the 8-byte offset table),
  stored whole or as deltas (`OFS_DELTA` against an earlier object of the same pack, `REF_DELTA`
  against an object named by id; chains of deltas; the copy/insert delta instructions), together
  with loose objects; and refs in `.git/packed-refs` (a loose ref file overrides a packed one; lines
  starting with `#` or `^` are not refs).
- `mgit cat-file --batch`: read revisions from standard input, one a line, and print for each
  `ID TYPE SIZE`, a newline, the raw content and a newline, or `INPUT missing` and a newline for
  one that does not exist, like `git cat-file --batch`.
- `mgit diff-tree -r TREE-ISH TREE-ISH`: like `git diff-tree -r --no-renames A B`: one line per
  changed file (recursively, sorted by path): `:OLDMODE NEWMODE OLDID NEWID STATUS<TAB>PATH`, status
  `A` (old mode `000000` and old id forty zeros), `D` (the new ones zeros), `M` (content or mode),
  `T` (file to symlink or back); nothing when the trees are equal.
"""
L6 = """- `mgit repack`: write every object of the repository (loose or in packs, reachable or not) into one
  new pack `.git/objects/pack/pack-HEX.pack` (version 2) with its `.idx` (version 2), **with
  deltas** (`OFS_DELTA` or `REF_DELTA` against another object of the same pack; similar versions
  of a file must be stored as deltas: the tests require the pack to be less than a third of the
  size of the loose objects of a repository of many small revisions of a few files), then delete
  the loose objects and the old packs.  `git verify-pack -v` and `git fsck --full` must accept the
  result and every object must read back identically; the pack must not be lost if `mgit` is
  killed midway (write it under a temporary name, then rename).  The output is not checked.
- `mgit merge REV -m MESSAGE`: merge a commit into the current branch, like `git merge -m MESSAGE
  REV`: nothing to do (exit 0) when `REV` is already an ancestor of `HEAD`; a fast-forward (the
  branch moves, the work tree and index follow, no new commit) when `HEAD` is an ancestor of
  `REV`; otherwise a three-way merge against the merge base (the tests have exactly one):
  per path, a side's change (add, delete, modify, mode change) is taken when the other side left
  the path as in the base, identical changes on both sides are taken once, and a file changed on
  both sides is merged line by line when the two sides changed regions of the base that are apart
  (the tests keep such regions at least 3 unchanged lines apart).  The merge commit has parents
  `HEAD` and `REV`, in that order, and must have git's id (same tree, message, environment); the
  work tree and index then match it.  Anything else (both sides changed the same lines, or one
  deleted what the other changed) is a conflict: an error, and nothing is changed (unlike git,
  which leaves conflict markers).  The work tree must be clean (no staged or unstaged changes)
  before a merge.
"""
NOT = {
    0: "Not needed at this level: trees, commits, refs, the index, packs.",
    1: "Not needed at this level: the index, refs and branches, packs.",
    2: "Not needed at this level: branches and checkout, status, packs (the tests use loose objects only).",
    3: "Not needed at this level: packs and packed refs (the tests use loose objects only), diff, merge.",
    4: "Not needed at this level: writing packs, merge.",
    5: "Not needed: renames, conflict markers, `.gitignore`, reflogs, remotes, tags created by `mgit`.",
}

LEVELS = [
    ("loose-objects", ": loose objects", [L1], 180,
     "Write a git object store from scratch: hash-object and cat-file on loose zlib objects, ids byte-identical to git's",
     "estimate: reading git's object-format documentation (header, zlib, SHA-1, loose layout) 0.5 h, repository discovery and init 0.3 h, hash-object with -w/-t/--stdin 0.5 h, cat-file -t/-s/-p/-e/TYPE and abbreviated ids 0.7 h, checking against git (fsck, cat-file) and fixing 1 h: about 3 h; the part of the reference solution this level needs is about 200 lines of Python"),
    ("trees-commits", ": trees and commits", [L1, L2], 480,
     "Write git's object store from scratch with trees and commits: write-tree of a work tree, commit-tree, cat-file -p of all types, ls-tree, ids identical to git's",
     "estimate: the loose-objects level (about 3 h) plus the binary tree format and git's tree-entry order (directories sort as name/) 1 h, modes for executables and symlinks 0.5 h, write-tree of a work tree 1 h, commit-tree with identity and date handling 0.7 h, cat-file -p of trees, commits and tags 0.5 h, ls-tree -r/--name-only 0.5 h, cross-checking ids with git on generated trees and fixing the sort and mode cases 0.8 h: about 8 h; the reference uses about 350 lines of Python for this level"),
    ("index", ": the index, add, commit, log", [L1, L2, L3], 840,
     "Write git's object store and index from scratch: the DIRC v2 index file git reads and writes, add, rm, ls-files, write-tree, commit and log, cross-checked with git",
     "estimate: the trees-commits level (about 8 h) plus reading git's index-format documentation 0.7 h, reading and writing DIRC v2 (stat data, flags, padding, extensions skipped, checksum) 2.5 h, add with directories and deletions and the file/directory replacement cases 1.5 h, rm and rm --cached 0.5 h, write-tree from the index (nested trees) 0.5 h, commit with HEAD and branch update 0.5 h, log in git's default format with time zones 0.8 h: about 14 h; the reference uses about 600 lines of Python for this level"),
    ("branches", ": refs, branches, checkout, status", [L1, L2, L3, L4], 1440,
     "Write git's object store, index and refs from scratch: revisions, rev-parse, branches, checkout of branches and commits updating work tree and index, status --porcelain, cross-checked with git",
     "estimate: the index level (about 14 h) plus refs and symbolic HEAD 1 h, revision syntax (~N, ^N, peeling tags, abbreviations, lookup order) 2 h, branch list/create/delete 1 h, checkout updating the work tree and the index with deletions, directory cleanup, modes, symlinks, detached HEAD and the safety checks 3 h, status --porcelain with the HEAD/index/work-tree comparison and git's untracked-directory collapsing 2 h, differential testing of these scenarios against git and fixing the corner cases 1 h: about 24 h; the reference uses about 850 lines of Python for this level"),
    ("packs", ": packfiles, packed refs, diff-tree", [L1, L2, L3, L4, L5], 1920,
     "Write git's object store from scratch reading git-packed repositories: pack and idx v2, OFS and REF deltas, packed-refs, cat-file --batch, diff-tree, on top of index, branches, checkout and status",
     "estimate: the branches level (about 24 h) plus reading git's pack-format documentation 1 h, idx v2 lookup with the fan-out table and large offsets 1 h, pack entry headers and zlib streams inside a pack 1 h, OFS_DELTA/REF_DELTA resolution with chains and the delta instruction set 2 h, packed-refs with loose overrides 0.5 h, cat-file --batch 0.5 h, diff-tree -r with A/D/M/T and the raw format 1 h, testing on gc'ed repositories and fixing 1 h: about 32 h; the reference uses about 1,000 lines of Python for this level"),
    ("full", ": packfiles written with deltas, three-way merge", [L1, L2, L3, L4, L5, L6], 2520,
     "Write git's object store and porcelain from scratch: everything up to packed repositories, plus repack writing packs with deltas that git verify-pack/fsck accept, and a three-way merge matching git's commit ids",
     "estimate: the packs level (about 32 h) plus writing pack v2 and idx v2 (headers, offsets encoding, CRC32s, checksums, atomic replacement) 2 h, a delta encoder (block index, copy/insert instructions, choosing bases in a window, chain depth, same-type bases) 3 h, merge base, fast-forward and already-merged cases 1 h, the per-path three-way rules and a line-level merge of separate regions 2.5 h, matching git's merge results and fixing 1.5 h: about 42 h; the reference is about 1,200 lines of Python, an implementation in C two to three times that"),
]

for name, title, parts, minutes, summary, notes in LEVELS:
    k = len(parts) - 1
    body = "".join(parts)
    if k >= 2:  # from the index level on, write-tree writes the index (L3): keep only the tree rules
        wt = L2[L2.index("- `mgit write-tree`"):L2.index("- `mgit commit-tree")]
        assert wt in body
        body = body.replace(wt, "- Trees: modes `100644`, `100755` (owner-executable), `120000` (symlink, the blob is the link\n"
                            "  target), `040000` (tree); entries in git's order (a tree's name sorts as if it ended in `/`).\n")
    ins = HEAD.format(title=title) + body + "\n" + NOT[k] + "\n"
    if k > 0:
        ins += "\nThe commands of the lower levels remain part of the job: this level's tests use them too, on the repositories it adds.\n"
    task(CAT, "git-store/" + name, domain="software", summary=summary, minutes=minutes, notes=notes, instructions=ins,
         files={"README.md": "Put ./mgit here (see the instructions).\n"},
         tests={"run_git.py": SCORER},
         extra_solution={"mgit.py": MGIT},
         solve='cp "$(dirname "$0")/mgit.py" mgit\nchmod +x mgit',
         scorer={"kind": "json", "command": ["python3", "{tests}/run_git.py", ["loose", "trees", "index", "branches", "packs", "full"][k]], "timeout_s": 300},
         resources={"memory_mb": 2048, "processes": 128}, requires=["python3", "git"],
         tags=["git", "version-control", "from-scratch"] + (["long"] if minutes >= 480 else []),
         limit=int(minutes * 60 * 3))
