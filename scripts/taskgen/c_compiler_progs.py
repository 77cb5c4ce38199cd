"""Hand-written test programs of the c-compiler family, by level (1 exprs .. 6 full).

Each entry: (name, source) for a program that must compile and run like gcc's build of it, or
(name, source, "reject") for one that must be rejected; the line of the error holds /*E*/.
Level 6 entries may carry a dict of extra files (headers) as a fourth item."""

P1 = [
("arith", "int main() { return 3 + 4 * 5 - 6 / 2; }"),
("paren", "int main() { return (3 + 4) * (5 - 2) % 7 + 100; }"),
("neg", "int main() { int a = -5; int b = - -a; return -a * 10 + b; }"),
("locals", """int main() {
  int a = 7;
  int b;
  int c = a * 3;
  b = c - a;
  a = b = c = 2;
  return a + b * 10 + c * 40;
}"""),
("compare", """int main() {
  int a = 5; int b = 9;
  return (a < b) + (a > b) * 2 + (a <= 5) * 4 + (b >= 10) * 8 + (a == 5) * 16 + (b != 9) * 32 + (a != b) * 64;
}"""),
("logic_not", "int main() { int z = 0; int o = 17; return !z + !o * 2 + !!o * 4 + ~o + 100; }"),
("bits", """int main() {
  int a = 0x5a; int b = 0x3c;
  return (a & b) ^ (a | b) ^ (1 << 6) ^ (a >> 2);
}"""),
("shifts", "int main() { int a = -64; int b = 1; return (a >> 3) + 20 + (b << 4); }"),
("divmod", """int main() {
  int a = -17; int b = 5;
  return (a / b + 10) * 16 + (a % b + 5);
}"""),
("multi_stmt", """int main() {
  int x = 1;
  x = x * 2; x = x * 3; x = x * 4;
  x = x - 4;
  ;
  x = x / 2 + x % 7;
  return x;
}"""),
("wrap", """int main() {
  int big = 2147483647;
  int m = big - 2147483647 + 1000000;
  int p = m * 1000;
  return p / 3 % 251;
}"""),
("hex_octal", "int main() { return 0x1F + 017 + 010 * 2; }"),
("comments", """// line comment
int main() {
  /* block
     comment */ int a = 4; // trailing
  return a /* inline */ * 11;
}"""),
("block", """int main() {
  int a = 1;
  {
    int b = 20;
    a = a + b;
    {
      int a = 100;
      b = a + 1;
    }
    a = a + b;
  }
  return a;
}"""),
("shift_sign", "int main() { int a = -64; int b = a >> 3; int c = -1 >> 30; return (b < 0) + (b == -8) * 2 + (c == -1) * 4 + 8; }"),
("high_byte", "int main() { int v = 123456 * 7; return v >> 8; }"),
("r_undeclared", """int main() {
  int a = 1;
  return a + b;/*E*/
}""", "reject"),
("r_semicolon", """int main() {
  int a = 1
  return a;/*E*/
}""", "reject"),
("r_paren", """int main() {
  return (1 + 2;/*E*/
}""", "reject"),
("r_redecl", """int main() {
  int a = 1;
  int a = 2;/*E*/
  return a;
}""", "reject"),
("r_lvalue", """int main() {
  int a = 1;
  a + 1 = 3;/*E*/
  return a;
}""", "reject"),
("r_brace", """int main() {
  int a = 1;
  return a;/*E*/""", "reject"),
("r_char", """int main() {
  return 1 @ 2;/*E*/
}""", "reject"),
]

PRINTN = """int putchar(int c);
void printn(int n) {
  if (n < 0) { putchar(45); n = 0 - n; }
  if (n >= 10) printn(n / 10);
  putchar(48 + n % 10);
}
void println(int n) { printn(n); putchar(10); }
"""

P2 = [
("fib", PRINTN + """int fib(int n) { if (n < 2) return n; return fib(n - 1) + fib(n - 2); }
int main() { int i; for (i = 0; i < 20; i = i + 1) println(fib(i)); return fib(10); }"""),
("params6", PRINTN + """int f(int a, int b, int c, int d, int e, int g) { return a * 100000 + b * 10000 + c * 1000 + d * 100 + e * 10 + g; }
int main() { println(f(1, 2, 3, 4, 5, 6)); println(f(6, 5, 4, 3, 2, 1) - f(0, 0, 0, 0, 0, 9)); return 7; }"""),
("prototype", PRINTN + """int odd(int n);
int even(int n) { if (n == 0) return 1; return odd(n - 1); }
int odd(int n) { if (n == 0) return 0; return even(n - 1); }
int main() { println(even(10)); println(odd(7)); println(even(7)); return 0; }"""),
("while_loop", PRINTN + """int gcd(int a, int b) { while (b != 0) { int t = a % b; a = b; b = t; } return a; }
int main() { println(gcd(1071, 462)); println(gcd(17, 5)); println(gcd(0, 9)); return gcd(48, 180); }"""),
("for_forms", PRINTN + """int main() {
  int s = 0; int i;
  for (i = 1; i <= 100; i = i + 1) s = s + i;
  println(s);
  for (int j = 0; j < 3; j = j + 1) { int k = j * j; println(k); }
  i = 0;
  for (;;) { i = i + 3; if (i > 20) return i; }
}"""),
("if_else_chain", PRINTN + """int grade(int x) {
  if (x >= 90) return 4; else if (x >= 80) return 3; else if (x >= 70) return 2; else return 0;
}
int main() {
  int i;
  for (i = 60; i <= 100; i = i + 7) println(grade(i));
  if (1) if (0) println(1); else println(2);
  return 0;
}"""),
("nested_loops", PRINTN + """int main() {
  int i; int j; int n = 0;
  for (i = 0; i < 10; i = i + 1) {
    j = 0;
    while (j < i) { if ((i + j) % 3 == 0) n = n + i * j; j = j + 1; }
  }
  println(n);
  return n % 256;
}"""),
("recursion_ack", PRINTN + """int ack(int m, int n) {
  if (m == 0) return n + 1;
  if (n == 0) return ack(m - 1, 1);
  return ack(m - 1, ack(m, n - 1));
}
int main() { println(ack(2, 3)); println(ack(3, 3)); return 0; }"""),
("void_fn", """int putchar(int c);
void stars(int n) { int i; for (i = 0; i < n; i = i + 1) putchar(42); putchar(10); return; }
int main() { int k; for (k = 1; k < 6; k = k + 1) stars(k); return 3; }"""),
("primes", PRINTN + """int isprime(int n) {
  int d;
  if (n < 2) return 0;
  for (d = 2; d * d <= n; d = d + 1) if (n % d == 0) return 0;
  return 1;
}
int main() { int n; int c = 0; for (n = 0; n < 200; n = n + 1) if (isprime(n)) { printn(n); putchar(32); c = c + 1; } putchar(10); return c; }"""),
("args_eval", PRINTN + """int sub(int a, int b) { return a - b; }
int twice(int x) { return x * 2; }
int main() { println(sub(twice(10), sub(5, twice(3)))); println(sub(sub(sub(100, 1), 2), 3)); return sub(3, 1); }"""),
("collatz", PRINTN + """int steps(int n) { int s = 0; while (n != 1) { if (n % 2) n = 3 * n + 1; else n = n / 2; s = s + 1; } return s; }
int main() { int best = 0; int arg = 0; int i; for (i = 1; i < 1000; i = i + 1) { int s = steps(i); if (s > best) { best = s; arg = i; } } println(arg); println(best); return 0; }"""),
("r_undeclared_fn", """int main() {
  return foo(3);/*E*/
}""", "reject"),
("r_argcount", """int f(int a, int b) { return a + b; }
int main() {
  return f(1);/*E*/
}""", "reject"),
("r_argcount2", """int f(int a) { return a; }
int main() {
  return f(1, 2);/*E*/
}""", "reject"),
("r_scope", """int main() {
  for (int i = 0; i < 3; i = i + 1) { }
  return i;/*E*/
}""", "reject"),
("r_param_scope", """int f(int a) { return a; }
int main() {
  return a;/*E*/
}""", "reject"),
("r_else", """int main() {
  int a = 1;
  else a = 2;/*E*/
  return a;
}""", "reject"),
("r_redef_fn", """int f(int a) { return a; }
int f(int a) { return a + 1; }/*E*/
int main() { return f(1); }""", "reject"),
]

P3 = [
("ptr_basic", PRINTN + """int main() {
  int x = 5; int *p = &x; int **pp = &p;
  *p = 7; println(x);
  **pp = 9; println(x);
  println(*p + **pp);
  return *p;
}"""),
("swap", PRINTN + """void swap(int *a, int *b) { int t = *a; *a = *b; *b = t; }
int main() { int x = 1; int y = 2; swap(&x, &y); println(x); println(y); return x * 10 + y; }"""),
("array_sum", PRINTN + """int main() {
  int a[10]; int i; int s = 0;
  for (i = 0; i < 10; i = i + 1) a[i] = i * i;
  for (i = 0; i < 10; i = i + 1) s = s + a[i];
  println(s); println(a[9] - a[3]);
  return s % 256;
}"""),
("ptr_arith", PRINTN + """int main() {
  int a[5]; int *p = a; int *q;
  int i;
  for (i = 0; i < 5; i = i + 1) *(a + i) = 10 * i;
  q = p + 4;
  println(*q); println(q - p); println(*(q - 2)); println(p[3]); println(3[a]);
  p = p + 1; println(*p);
  println(q > p); println(q == p + 3);
  return q - a;
}"""),
("array_param", PRINTN + """int sum(int *a, int n) { int s = 0; int i; for (i = 0; i < n; i = i + 1) s = s + a[i]; return s; }
void fill(int a[], int n, int v) { int i; for (i = 0; i < n; i = i + 1) a[i] = v + i; }
int main() { int b[8]; fill(b, 8, 3); println(sum(b, 8)); println(sum(b + 2, 3)); return 0; }"""),
("globals", PRINTN + """int counter;
int limit = 5;
int table[4] = {10, 20, 30};
int bump() { counter = counter + 1; return counter; }
int main() {
  while (bump() < limit) println(counter);
  println(table[0] + table[1] + table[2] + table[3]);
  table[3] = 40;
  println(table[3]);
  return counter;
}"""),
("matrix", PRINTN + """int m[3][4];
int main() {
  int i; int j; int t[2][3];
  for (i = 0; i < 3; i = i + 1) for (j = 0; j < 4; j = j + 1) m[i][j] = i * 10 + j;
  for (i = 0; i < 2; i = i + 1) for (j = 0; j < 3; j = j + 1) t[i][j] = m[i + 1][j + 1] * 2;
  println(m[2][3]); println(t[1][2]); println(m[1][0] + t[0][0]);
  return m[1][3];
}"""),
("array_init", PRINTN + """int main() {
  int a[6] = {5, 3, 8, 1};
  int b[] = {9, 8, 7};
  int i;
  for (i = 0; i < 6; i = i + 1) println(a[i]);
  println(b[0] + b[2]);
  return a[2];
}"""),
("bubble", PRINTN + """int data[12] = {34, 7, 23, 32, 5, 62, 32, 7, 1, 99, 45, 0};
void sort(int *a, int n) {
  int i; int j;
  for (i = 0; i < n; i = i + 1) for (j = 0; j + 1 < n - i; j = j + 1)
    if (a[j] > a[j + 1]) { int t = a[j]; a[j] = a[j + 1]; a[j + 1] = t; }
}
int main() { int i; sort(data, 12); for (i = 0; i < 12; i = i + 1) println(data[i]); return data[11]; }"""),
("ptr_to_ptr", PRINTN + """int g1 = 11; int g2 = 22;
void pick(int **out, int which) { if (which) *out = &g2; else *out = &g1; }
int main() { int *p; pick(&p, 0); println(*p); pick(&p, 1); println(*p); *p = 33; println(g2); return 0; }"""),
("sieve", PRINTN + """int comp[1000];
int main() {
  int i; int j; int n = 0;
  for (i = 2; i < 1000; i = i + 1) if (!comp[i]) { n = n + 1; for (j = i * i; j < 1000; j = j + i) comp[j] = 1; }
  println(n);
  return n;
}"""),
("global_array_ptr", PRINTN + """int buf[5];
int *first() { return buf; }
int *at(int i) { return &buf[i]; }
int main() { int i; for (i = 0; i < 5; i = i + 1) *at(i) = i + 1; println(first()[4]); println(*at(2)); return *first(); }"""),
("r_deref_int", """int main() {
  int a = 1;
  return *a;/*E*/
}""", "reject"),
("r_addr_rvalue", """int main() {
  int a = 1;
  int *p = &(a + 1);/*E*/
  return *p;
}""", "reject"),
("r_array_assign", """int main() {
  int a[3]; int b[3];
  a = b;/*E*/
  return 0;
}""", "reject"),
("r_subscript", """int main() {
  int a = 3;
  return a[1];/*E*/
}""", "reject"),
("r_ptr_add", """int main() {
  int a[2]; int *p = a; int *q = a;
  return p + q;/*E*/
}""", "reject"),
]

PRINTF = "int printf(char *fmt, ...);\nint putchar(int c);\nint puts(char *s);\nlong strlen(char *s);\nint strcmp(char *a, char *b);\nvoid *malloc(long n);\n"

P4 = [
("hello", PRINTF + """int main() { printf("hello, world\\n"); puts("second line"); return 0; }"""),
("chars", PRINTF + """int main() {
  char c = 'A'; char d = c + 2; char big = 200;
  printf("%c %c %d %d\\n", c, d, d, big);
  char s[6] = "hello";
  s[0] = 'j';
  printf("%s %d\\n", s, (int)strlen(s));
  printf("[%c%c]\\n", '\\t' + 60, '\\n' + 80);
  printf("%d %d %d\\n", '\\0', '\\\\', '\\'');
  return s[1];
}"""),
("strings", PRINTF + """int length(char *s) { int n = 0; while (*s) { n = n + 1; s = s + 1; } return n; }
void rev(char *s) { int i = 0; int j = length(s) - 1; while (i < j) { char t = s[i]; s[i] = s[j]; s[j] = t; i = i + 1; j = j - 1; } }
int main() {
  char buf[32] = "compiler";
  printf("%d\\n", length("abc\\tdef"));
  rev(buf); printf("%s\\n", buf);
  char *p = "pointer";
  printf("%c%c %s\\n", p[0], *(p + 3), p + 4);
  printf("%d %d\\n", strcmp("abc", "abd") < 0, strcmp("x", "x"));
  return length(p);
}"""),
("struct_basic", PRINTF + """struct point { int x; int y; };
int main() {
  struct point p; struct point *q = &p;
  p.x = 3; p.y = 4;
  q->x = q->x + 10;
  printf("%d %d %d\\n", p.x, p.y, q->x * q->y);
  return (int)sizeof(struct point);
}"""),
("struct_layout", PRINTF + """struct a { char c; int i; };
struct b { char c; long l; char d; };
struct c { char x[3]; };
struct d { int i; char c; struct b inner; int *p; };
int main() {
  printf("%d %d %d %d\\n", (int)sizeof(struct a), (int)sizeof(struct b), (int)sizeof(struct c), (int)sizeof(struct d));
  printf("%d %d %d %d\\n", (int)sizeof(int), (int)sizeof(char), (int)sizeof(long), (int)sizeof(int *));
  int arr[7]; char cs[5]; struct b bs[3];
  printf("%d %d %d\\n", (int)sizeof(arr), (int)sizeof cs, (int)sizeof(bs));
  printf("%d %d\\n", (int)sizeof arr[0], (int)sizeof(bs[1].l));
  return 0;
}"""),
("linked_list", PRINTF + """struct node { int val; struct node *next; };
struct node *push(struct node *head, int v) { struct node *n = malloc(sizeof(struct node)); n->val = v; n->next = head; return n; }
int main() {
  struct node *list = 0; int i;
  for (i = 1; i <= 5; i = i + 1) list = push(list, i * i);
  struct node *p = list; int s = 0;
  while (p) { printf("%d ", p->val); s = s + p->val; p = p->next; }
  printf("\\nsum %d\\n", s);
  return s;
}"""),
("struct_array", PRINTF + """struct item { char name[8]; int qty; long price; };
struct item stock[3];
int main() {
  int i; long total = 0;
  stock[0].qty = 2; stock[0].price = 150; stock[0].name[0] = 'a'; stock[0].name[1] = 0;
  stock[1].qty = 5; stock[1].price = 20; stock[1].name[0] = 'b'; stock[1].name[1] = 'c';
  stock[2].qty = 1; stock[2].price = 999; stock[2].name[0] = 0;
  for (i = 0; i < 3; i = i + 1) { total = total + stock[i].qty * stock[i].price; printf("[%s] %d\\n", stock[i].name, stock[i].qty); }
  printf("%ld\\n", total);
  return (int)(total % 256);
}"""),
("nested_struct", PRINTF + """struct inner { int a; char b; };
struct outer { char tag; struct inner in; struct inner *link; int arr[3]; };
int main() {
  struct outer o; struct inner extra;
  o.tag = 'Z'; o.in.a = 41; o.in.b = 'q'; o.link = &extra; o.link->a = 7; extra.b = 'r'; o.arr[2] = 5;
  struct outer *po = &o;
  printf("%c %d %c ", po->tag, po->in.a + 1, po->in.b);
  printf("%d %c %d\\n", po->link->a, extra.b, po->arr[2]);
  return o.in.a;
}"""),
("global_strings", PRINTF + """char greeting[] = "hi there";
char *names[3] = {"ann", "bob", "cy"};
char letters[4] = {'x', 'y', 'z'};
int main() {
  int i;
  printf("%s %d\\n", greeting, (int)sizeof(greeting));
  for (i = 0; i < 3; i = i + 1) printf("%s:%d ", names[i], (int)strlen(names[i]));
  printf("\\n%s\\n", letters);
  return greeting[3];
}"""),
("struct_copy", PRINTF + """struct pair { int a; long b; char c; };
int main() {
  struct pair x; struct pair y;
  x.a = 1; x.b = 2; x.c = 'c';
  y = x;
  x.a = 100;
  printf("%d %ld %c %d\\n", y.a, y.b, y.c, x.a);
  struct pair z = y;
  return z.a + z.c;
}"""),
("printf_formats", PRINTF + """int main() {
  printf("[%5d] [%-5d] [%05d] [%x] ", 42, 42, 42, 255);
  printf("[%s] [%3s] [%-4s] [%%]\\n", "str", "ab", "cd");
  long big = 1234567890123;
  printf("%ld %d %c\\n", big, -17, 'k');
  return 0;
}"""),
("string_escape", PRINTF + """int main() {
  char *s = "a\\tb\\\\c\\"d\\x41\\101";
  int i = 0;
  while (s[i]) { printf("%d ", s[i]); i = i + 1; }
  printf("\\n" "adjacent " "literals\\n");
  return i;
}"""),
("struct_fn_ptr", PRINTF + """struct counter { int n; int hist[4]; };
void add(struct counter *c, int v) { c->hist[c->n % 4] = v; c->n = c->n + 1; }
int total(struct counter *c) { int i; int s = 0; for (i = 0; i < 4; i = i + 1) s = s + c->hist[i]; return s; }
int main() { struct counter c; int i; c.n = 0; for (i = 0; i < 4; i = i + 1) c.hist[i] = 0;
  for (i = 1; i <= 6; i = i + 1) add(&c, i * 3);
  printf("%d %d\\n", c.n, total(&c)); return total(&c); }"""),
("r_member", """struct s { int a; };
int main() {
  struct s v;
  return v.b;/*E*/
}""", "reject"),
("r_not_struct", """int main() {
  int v = 1;
  return v.a;/*E*/
}""", "reject"),
("r_string", """int printf(char *fmt, ...);
int main() {
  printf("unterminated);/*E*/
  return 0;
}""", "reject"),
("r_unknown_struct", """int main() {
  struct nosuch v;/*E*/
  return 0;
}""", "reject"),
("r_struct_arith", """struct s { int a; };
int main() {
  struct s v; v.a = 1;
  return v + 1;/*E*/
}""", "reject"),
("r_arrow", """struct s { int a; };
int main() {
  struct s v; v.a = 1;
  return v->a;/*E*/
}""", "reject"),
]

P5 = [
("switch", PRINTF + """int classify(int x) {
  int r = 0;
  switch (x) {
  case 0: r = 100; break;
  case 1:
  case 2: r = 200; break;
  case 3: r = 300;
  case 4: r = r + 1; break;
  default: r = -1;
  }
  return r;
}
int main() { int i; for (i = -1; i < 7; i++) printf("%d ", classify(i)); printf("\\n");
  switch (5) { case 1: printf("no\\n"); } return classify(3) % 256; }"""),
("do_while", PRINTF + """int main() {
  int i = 0; int s = 0;
  do { s += i; i++; } while (i < 10);
  do s += 1000; while (0);
  printf("%d %d\\n", s, i);
  return i;
}"""),
("break_continue", PRINTF + """int main() {
  int i; int s = 0;
  for (i = 0; i < 100; i++) { if (i % 3 == 0) continue; if (i > 20) break; s += i; }
  printf("%d %d\\n", s, i);
  int j = 0;
  while (1) { j++; if (j < 5) continue; break; }
  int k = 0; int n = 0;
  do { k++; if (k == 3) continue; n += k; } while (k < 6);
  for (i = 0; i < 3; i++) { int q; for (q = 0; q < 10; q++) { if (q == 2) break; n += 100; } }
  printf("%d %d\\n", j, n);
  switch (2) { case 2: for (i = 0; i < 5; i++) { if (i == 1) continue; if (i == 3) break; n++; } n += 1000; break; case 3: n = 0; }
  printf("%d\\n", n);
  return n % 256;
}"""),
("ternary", PRINTF + """int mx(int a, int b) { return a > b ? a : b; }
int main() {
  int i;
  for (i = 0; i < 5; i++) printf("%s ", i % 2 ? "odd" : "even");
  printf("\\n%d %d %d\\n", mx(3, 9), mx(-2, -5), 1 ? 2 ? 3 : 4 : 5);
  int x = 0 ? 10 : i > 3 ? 20 : 30;
  return x;
}"""),
("short_circuit", PRINTF + """int calls;
int t(int v) { calls++; return v; }
int main() {
  int r = t(0) && t(1);
  printf("%d %d\\n", r, calls);
  r = t(1) || t(0); printf("%d %d\\n", r, calls);
  r = t(1) && t(2) && t(0) && t(5); printf("%d %d\\n", r, calls);
  r = t(0) || t(0) || t(7); printf("%d %d\\n", r, calls);
  int *p = 0;
  if (p && *p) printf("bad\\n"); else printf("safe\\n");
  return (5 && 3) + (0 || -2) * 2;
}"""),
("compound_assign", PRINTF + """int main() {
  int a = 100; long l = 5; char c = 10;
  a += 5; a -= 3; a *= 2; a /= 3; a %= 50;
  printf("%d\\n", a);
  a = 0xf0; a &= 0x3c; a |= 1; a ^= 0x11; a <<= 3; a >>= 1;
  printf("%d\\n", a);
  l *= 1000000; l *= 1000; printf("%ld\\n", l);
  c += 120; printf("%d\\n", c);
  int arr[4] = {1, 2, 3, 4}; int *p = arr;
  p += 2; *p += 10; p -= 1; *p *= 7;
  printf("%d %d %d\\n", arr[1], arr[2], *p);
  int b = (a += 1);
  return b;
}"""),
("incdec", PRINTF + """int main() {
  int i = 5; int a; int b;
  a = i++; b = ++i;
  printf("%d %d %d\\n", a, b, i);
  a = i--; b = --i;
  printf("%d %d %d\\n", a, b, i);
  int arr[3] = {10, 20, 30}; int *p = arr;
  printf("%d ", *p++); printf("%d ", *p); printf("%d ", *++p); printf("%d\\n", (*p)++);
  printf("%d\\n", arr[2]);
  char c = 127; c++; printf("%d\\n", c);
  char d = -128; int e = d--; printf("%d %d\\n", e, d);
  return i;
}"""),
("casts", PRINTF + """int main() {
  long big = 4294967298L;
  int t = (int)big;
  char c = (char)300;
  long m = (long)2147483647 + 1;
  int neg = (char)-1;
  printf("%d %d %ld %d\\n", t, c, m, neg);
  long x = 1L << 40;
  printf("%ld %d\\n", x, (int)(x >> 38));
  int a = 2000000; long p = (long)a * a;
  printf("%ld\\n", p);
  char hi = (char)(255 + 0); int u = (int)(char)(65 + 256);
  printf("%d %d %d\\n", hi, u, (int)sizeof((char)1));
  return (char)(-56);
}"""),
("long_arith", PRINTF + """long fact(long n) { return n <= 1 ? 1 : n * fact(n - 1); }
int main() {
  int i;
  for (i = 15; i <= 20; i++) printf("%ld\\n", fact(i));
  long a = -9000000000; long b = 7;
  printf("%ld %ld %ld\\n", a / b, a % b, a >> 4);
  printf("%d\\n", (int)sizeof(a + 1));
  return (int)(fact(20) % 256);
}"""),
("switch_loop", PRINTF + """int main() {
  int i; int counts[4] = {0, 0, 0, 0}; char *s = "a1b2c3!! xyz 42";
  for (i = 0; s[i]; i++) {
    switch (s[i]) {
    case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': case '8': case '9':
      counts[0]++; break;
    case ' ': counts[1]++; continue;
    case '!': counts[2]++;
    default: counts[3]++;
    }
  }
  printf("%d %d %d %d\\n", counts[0], counts[1], counts[2], counts[3]);
  long key = 10000000000;
  switch (key) { case 10000000000: printf("long case\\n"); break; default: printf("wrong\\n"); }
  return counts[3];
}"""),
("r_break", """int main() {
  int a = 1;
  break;/*E*/
  return a;
}""", "reject"),
("r_continue_switch", """int main() {
  switch (1) {
  case 1: continue;/*E*/
  }
  return 0;
}""", "reject"),
("r_case_outside", """int main() {
  int a = 1;
  case 1: a = 2;/*E*/
  return a;
}""", "reject"),
("r_incr_rvalue", """int main() {
  int a = 1;
  (a + 1)++;/*E*/
  return a;
}""", "reject"),
("r_dup_case", """int main() {
  switch (1) {
  case 1: return 1;
  case 1: return 2;/*E*/
  }
  return 0;
}""", "reject"),
("r_case_nonconst", """int main() {
  int x = 1;
  switch (x) {
  case x: return 1;/*E*/
  }
  return 0;
}""", "reject"),
]

P6 = [
("define", PRINTF + """#define N 10
#define SQUARE_OF_N N * N
#define MSG "macro string"
#define EMPTY
int table[N];
int main() {
  int i;
  for (i = 0; i < N; i++) table[i] = i * N EMPTY;
  printf("%d %d %s\\n", table[N - 1], SQUARE_OF_N, MSG);
  return SQUARE_OF_N;
}"""),
("include", """#include "defs.h"
#include "util.h"
int main() {
  struct vec v; v.x = LIMIT; v.y = 2;
  show(&v);
  printf("%d\\n", dot(&v, &v));
  return dot(&v, &v) % 256;
}""", None, {"defs.h": "int printf(char *fmt, ...);\n#define LIMIT 7\nstruct vec { int x; int y; };\n",
             "util.h": "#include \"defs2.h\"\nvoid show(struct vec *v) { printf(\"(%d,%d)\\n\", v->x, v->y); }\nint dot(struct vec *a, struct vec *b) { return a->x * b->x + a->y * b->y SCALE; }\n",
             "defs2.h": "#define SCALE * 2\n"}),
("typedef_enum", PRINTF + """typedef struct node { int v; struct node *next; } Node;
typedef int Count;
enum color { RED, GREEN = 5, BLUE };
enum { ONE = 1, TWO };
int main() {
  Node a; Node b; Count n = 0; enum color c = BLUE;
  a.v = 1; a.next = &b; b.v = 2; b.next = 0;
  Node *p;
  for (p = &a; p; p = p->next) n += p->v;
  printf("%d %d %d %d ", n, RED, GREEN, c);
  printf("%d %d\\n", ONE + TWO, (int)sizeof(Node));
  switch (c) { case RED: return 1; case BLUE: return 66; default: return 2; }
}"""),
("queue_sim", PRINTF + """#define CAP 16
typedef struct { int buf[CAP]; int head; int tail; int size; } Queue;
void init(Queue *q) { q->head = q->tail = q->size = 0; }
int put(Queue *q, int v) { if (q->size == CAP) return 0; q->buf[q->tail] = v; q->tail = (q->tail + 1) % CAP; q->size++; return 1; }
int get(Queue *q) { int v = q->buf[q->head]; q->head = (q->head + 1) % CAP; q->size--; return v; }
int main() {
  Queue q; int i; long sum = 0;
  init(&q);
  for (i = 0; i < 100; i++) {
    if (i % 3 != 2) { if (!put(&q, i)) printf("full at %d\\n", i); }
    else sum += get(&q) * (long)i;
  }
  while (q.size > 0) sum += get(&q);
  printf("%ld\\n", sum);
  return (int)(sum & 127);
}"""),
("tokenizer", PRINTF + """#define MAXTOK 32
enum kind { NUM, OP, END };
typedef struct { enum kind k; int val; char op; } Tok;
Tok toks[MAXTOK]; int ntok; int pos;
void lex(char *s) {
  ntok = 0;
  while (*s) {
    if (*s == ' ') { s++; continue; }
    if (*s >= '0' && *s <= '9') { int v = 0; while (*s >= '0' && *s <= '9') v = v * 10 + (*s++ - '0'); toks[ntok].k = NUM; toks[ntok++].val = v; }
    else { toks[ntok].k = OP; toks[ntok++].op = *s++; }
  }
  toks[ntok].k = END;
}
int expr();
int primary() { Tok *t = &toks[pos++]; if (t->k == NUM) return t->val; if (t->op == '(') { int v = expr(); pos++; return v; } if (t->op == '-') return -primary(); return 0; }
int term() { int v = primary(); while (toks[pos].k == OP && (toks[pos].op == '*' || toks[pos].op == '/')) { char o = toks[pos++].op; int r = primary(); v = o == '*' ? v * r : v / r; } return v; }
int expr() { int v = term(); while (toks[pos].k == OP && (toks[pos].op == '+' || toks[pos].op == '-')) { char o = toks[pos++].op; int r = term(); v = o == '+' ? v + r : v - r; } return v; }
int eval(char *s) { lex(s); pos = 0; return expr(); }
int main() {
  char *tests[4] = {"1 + 2 * 3", "(1 + 2) * 3", "100 / 7 - -3", "2 * (3 + 4) * (5 - 1)"};
  int i;
  for (i = 0; i < 4; i++) printf("%s = %d\\n", tests[i], eval(tests[i]));
  return eval("6*7");
}"""),
("r_include_missing", """#include "nosuch.h"/*E*/
int main() { return 0; }""", "reject"),
("r_directive", """int main() {
#bogus 1/*E*/
  return 0;
}""", "reject"),
("r_in_header", """#include "bad.h"
int main() { return f(); }""", "reject", {"bad.h": "int f() {\n  return 1 +;/*E*/\n}\n"}),
("r_macro_expands_bad", """#define BAD 1 +
int main() {
  return BAD;/*E*/
}""", "reject"),
("r_line_late", """int main() {
  int a = 1;
  int b = 2;
  int c = 3;
  int d = 4;
  int e = 5;
  int f = 6;
  return a + b + c + d + e + f + g;/*E*/
}""", "reject"),
("r_typedef_undeclared", """typedef int Num;
int main() {
  Num a = 1;
  Numb b = 2;/*E*/
  return a;
}""", "reject"),
]

LEVELS = [P1, P2, P3, P4, P5, P6]
