# horizon agents: the presets table, spec resolution, errors, and that a key's value is never printed.
. "$(dirname "$0")/lib.sh"

expect_ok "agents --help" "$HORIZON" agents --help
expect_grep "help starts with usage" '^usage: horizon agents' "$TMP/out"
expect_ok "agents list" "$HORIZON" agents list
for p in openai anthropic deepseek qwen qwen-cn kimi glm openrouter gemini vllm ollama llamacpp; do
	expect_grep "list has preset $p" "^$p +(openai|anthropic) +https?://" "$TMP/out"
done
expect_grep "list names the backends" '^Backends:.* openai anthropic' "$TMP/out"
expect_grep "qwen mainland endpoint" 'dashscope\.aliyuncs\.com/compatible-mode/v1' "$TMP/out"
expect_ok "agents list --json" "$HORIZON" agents list --json
if python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert any(p["name"]=="deepseek" and p["backend"]=="openai" and p["api_key_env"]=="DEEPSEEK_API_KEY" for p in d["presets"]); assert "anthropic" in d["backends"]' "$TMP/out"; then
	ok "list --json is JSON with the presets"; else bad "list --json is JSON with the presets"; fi

expect_ok "show a preset spec" "$HORIZON" agents show deepseek:deepseek-chat,temperature=0
expect_grep "preset resolves to the openai backend" '^backend: +openai \(preset deepseek\)' "$TMP/out"
expect_grep "preset base URL" '^base URL: +https://api\.deepseek\.com/v1' "$TMP/out"
expect_grep "preset key variable" '^key variable: +DEEPSEEK_API_KEY \(NOT SET\)' "$TMP/out"

expect_grep "show prints resolved defaults" '^  context_window +131072$' "$TMP/out"
expect_grep "show prints the streaming default" '^  stream +1$' "$TMP/out"
expect_grep "show prints a spec setting" '^  temperature +0$' "$TMP/out"
expect_ok "show the responses preset as JSON" "$HORIZON" agents show --json openai-responses:gpt-5
if python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); s=d["settings"]; assert s["api"]=="responses" and s["context_window"]=="400000" and s["max_turns"]=="200" and s["retries"]=="8"' "$TMP/out"; then
	ok "show --json has every resolved setting"; else bad "show --json has every resolved setting"; fi

SECRET=sk-cli-test-$$-secret
DEEPSEEK_API_KEY=$SECRET expect_ok "show with the key set" "$HORIZON" agents show --json deepseek:deepseek-chat
if grep -q -- "$SECRET" "$TMP/out" "$TMP/err"; then bad "the key's value is never printed"; else ok "the key's value is never printed"; fi
expect_grep "show --json says the key is set" '"api_key_set": true' "$TMP/out"

expect_ok "show a bare preset" "$HORIZON" agents show qwen-cn
expect_grep "the preset's URL" '^base URL: +https://dashscope\.aliyuncs\.com/compatible-mode/v1' "$TMP/out"
expect_grep "how to use it" '^use: +horizon run --agent qwen-cn:MODEL' "$TMP/out"
expect_ok "show a bare preset as JSON" "$HORIZON" agents show --json kimi
expect_grep "preset JSON" '"api_key_env": "MOONSHOT_API_KEY"' "$TMP/out"

expect_ok "local server needs no key" "$HORIZON" agents show ollama:qwen3:8b
expect_grep "ollama model keeps its colon" '^model: +qwen3:8b' "$TMP/out"
expect_grep "ollama needs no key" '^key variable: +- \(none needed\)' "$TMP/out"

expect_fail "an unknown setting is an error" 1 "$HORIZON" agents show openai:gpt-4o,temprature=0
expect_grep "the bad key is named" "unknown setting 'temprature'" "$TMP/err"
expect_fail "an unknown backend is an error" 1 "$HORIZON" agents show nonesuch:model
expect_fail "show needs a spec" 2 "$HORIZON" agents show
expect_fail "unknown subcommand" 2 "$HORIZON" agents frobnicate
finish
