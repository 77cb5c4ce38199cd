/* rt.c: the tiny runtime compiled programs link against (x86-64 Linux, no libc).
 *
 * Build:   gcc -c -O1 -ffreestanding -fno-builtin -fno-stack-protector -fno-pie \
 *              -mgeneral-regs-only -o rt.o rt.c
 * Link:    as -o prog.o prog.s && ld -static -o prog prog.o rt.o
 *
 * _start calls main() and exits with its return value.  Functions (declare the ones a program
 * uses, e.g. `int printf(char *fmt, ...);`):
 *   int putchar(int c); int puts(char *s); int printf(char *fmt, ...); void exit(int status);
 *   long strlen(char *s); int strcmp(char *a, char *b); char *strcpy(char *d, char *s);
 *   void *memset(void *p, int c, long n); void *memcpy(void *d, void *s, long n);
 *   void *malloc(long n); void *calloc(long n, long size); void free(void *p);
 * printf understands %d %i %u %x %c %s %p %% with an optional l, a '-' or '0' flag and a width;
 * output is buffered and flushed by exit (and by returning from main). */

static char obuf[4096];
static int nbuf;

static long sys3(long n, long a, long b, long c)
{
	long r;
	__asm__ volatile("syscall" : "=a"(r) : "a"(n), "D"(a), "S"(b), "d"(c) : "rcx", "r11", "memory");
	return r;
}

static void flush(void)
{
	int off = 0;
	while (off < nbuf) {
		long w = sys3(1, 1, (long)(obuf + off), nbuf - off);
		if (w <= 0)
			break;
		off += (int)w;
	}
	nbuf = 0;
}

int putchar(int c)
{
	if (nbuf == (int)sizeof(obuf))
		flush();
	obuf[nbuf++] = (char)c;
	return c & 255;
}

int puts(char *s)
{
	while (*s)
		putchar(*s++);
	putchar('\n');
	return 1;
}

void exit(int status)
{
	flush();
	for (;;)
		sys3(231, status, 0, 0);
}

long strlen(char *s)
{
	long n = 0;
	while (s[n])
		n++;
	return n;
}

int strcmp(char *a, char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return (unsigned char)*a - (unsigned char)*b;
}

char *strcpy(char *d, char *s)
{
	char *r = d;
	while ((*d++ = *s++))
		;
	return r;
}

void *memset(void *p, int c, long n)
{
	char *q = p;
	while (n-- > 0)
		*q++ = (char)c;
	return p;
}

void *memcpy(void *d, void *s, long n)
{
	char *a = d, *b = s;
	while (n-- > 0)
		*a++ = *b++;
	return d;
}

static char heap[1 << 24];
static long heap_used;

void *malloc(long n)
{
	char *p;
	n = (n + 15) & ~15L;
	if (n < 0 || n > (long)sizeof(heap) - heap_used)
		return 0;
	p = heap + heap_used;
	heap_used += n;
	return p;
}

void *calloc(long n, long size)
{
	return malloc(n * size); /* the heap is never reused, so already zero */
}

void free(void *p)
{
	(void)p;
}

static int emit_num(unsigned long v, int base, int neg, int width, int left, int zero)
{
	char tmp[24];
	int n = 0, len, k;
	do {
		tmp[n++] = "0123456789abcdef"[v % (unsigned long)base];
		v /= (unsigned long)base;
	} while (v);
	len = n + neg;
	if (neg && zero)
		putchar('-');
	for (k = len; !left && k < width; k++)
		putchar(zero ? '0' : ' ');
	if (neg && !zero)
		putchar('-');
	while (n > 0)
		putchar(tmp[--n]);
	for (k = len; left && k < width; k++)
		putchar(' ');
	return len > width ? len : width;
}

int printf(char *fmt, ...)
{
	__builtin_va_list ap;
	int count = 0;
	__builtin_va_start(ap, fmt);
	for (; *fmt; fmt++) {
		int left = 0, zero = 0, width = 0, lng = 0, k;
		if (*fmt != '%') {
			putchar(*fmt);
			count++;
			continue;
		}
		fmt++;
		for (; *fmt == '-' || *fmt == '0'; fmt++)
			*fmt == '-' ? (left = 1) : (zero = 1);
		if (left)
			zero = 0;
		for (; *fmt >= '0' && *fmt <= '9'; fmt++)
			width = width * 10 + (*fmt - '0');
		for (; *fmt == 'l'; fmt++)
			lng = 1;
		if (*fmt == 'd' || *fmt == 'i') {
			long v = lng ? __builtin_va_arg(ap, long) : __builtin_va_arg(ap, int);
			count += emit_num(v < 0 ? -(unsigned long)v : (unsigned long)v, 10, v < 0, width, left, zero);
		} else if (*fmt == 'u' || *fmt == 'x') {
			unsigned long v = lng ? __builtin_va_arg(ap, unsigned long) : __builtin_va_arg(ap, unsigned int);
			count += emit_num(v, *fmt == 'u' ? 10 : 16, 0, width, left, zero);
		} else if (*fmt == 'p') {
			putchar('0'), putchar('x');
			count += 2 + emit_num((unsigned long)__builtin_va_arg(ap, void *), 16, 0, 0, 0, 0);
		} else if (*fmt == 'c' || *fmt == 's' || *fmt == '%') {
			char c1[2] = { '%', 0 }, *s = c1;
			int len;
			if (*fmt == 'c')
				c1[0] = (char)__builtin_va_arg(ap, int);
			else if (*fmt == 's')
				s = __builtin_va_arg(ap, char *);
			len = *fmt == 's' ? (int)strlen(s) : 1;
			for (k = len; !left && k < width; k++, count++)
				putchar(' ');
			for (k = 0; k < len; k++, count++)
				putchar(s[k]);
			for (k = len; left && k < width; k++, count++)
				putchar(' ');
		} else {
			break;
		}
	}
	__builtin_va_end(ap);
	return count;
}

int main(void);

void rt_start(void)
{
	exit(main());
}

__asm__(".globl _start\n_start:\n\txorl %ebp, %ebp\n\tandq $-16, %rsp\n\tcall rt_start\n\thlt\n");
