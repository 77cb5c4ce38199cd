struct buf {
	char *data;
	size_t len, cap;
};

int buf_init(struct buf *b, size_t cap);
int buf_append(struct buf *b, const char *src, size_t n);
int buf_putc(struct buf *b, char c);
void buf_free(struct buf *b);
int field_get(const char *line, int idx, char *out, size_t outsz);
int field_count(const char *line);
