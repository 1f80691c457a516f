import { javaString, listOf } from './literals';
import type { RecipeContext } from './recipe-context';
import type { PitfallTable } from './recipe-notes';
import type { StackDefinition } from './stack-definition';

const PITFALLS: PitfallTable = {
  'error-status': (ctx) =>
    `The ${ctx.status} was produced by Spring Security or an error path that runs before CORS is applied, so it has no CORS headers: enable http.cors(...) so the CorsFilter runs first, then fix the ${ctx.status} itself.`,
  'missing-allow-origin': (ctx) =>
    `No CorsConfiguration covers this path, or allowedOrigins lacks ${ctx.origin}: Spring then adds no CORS header at all (and rejects a preflight with 403 "Invalid CORS request").`,
  wildcard:
    'allowedOrigins("*") sends \'*\', and Spring refuses it together with allowCredentials(true): list the exact origin (or use allowedOriginPatterns) and set allowCredentials(true).',
  credentials: 'allowCredentials is not set (it is off by default): call setAllowCredentials(true).',
  'preflight-auth':
    'Spring Security rejects the preflight before CORS runs: the OPTIONS request has no credentials, so authentication answers 401/403. Enable http.cors(...) so the CorsFilter answers preflights before authentication.',
  'preflight-status': (ctx) =>
    `No handler answers OPTIONS for this path (${ctx.status}): with a CorsConfigurationSource registered for /** and http.cors(...), Spring's CorsFilter answers the preflight itself.`,
  'preflight-missing-allow-origin':
    'Spring rejects a preflight whose origin, method or header is not allowed with 403 "Invalid CORS request" and no CORS headers: the configuration lacks one of them.',
  method: (ctx) =>
    `allowedMethods defaults to GET and HEAD: list ${ctx.neededMethods.join(', ')}; Spring compares the method as sent.`,
  header: (ctx) => `allowedHeaders is empty unless set (no request header is allowed): add ${ctx.headers.join(', ')}.`,
};

function snippet(ctx: RecipeContext): string {
  const list = (items: readonly string[]): string => listOf(items, javaString, 'List.of(', ')');
  const settings = [
    `        config.setAllowedOrigins(${list(ctx.origins)});`,
    `        config.setAllowedMethods(${list(ctx.methods)});`,
    `        config.setAllowedHeaders(${list(ctx.headers)});`,
  ];
  if (ctx.expose.length > 0) settings.push(`        config.setExposedHeaders(${list(ctx.expose)});`);
  if (ctx.credentials) settings.push('        config.setAllowCredentials(true);');
  settings.push(`        config.setMaxAge(${ctx.maxAge}L);`);
  return [
    'import java.util.List;',
    '',
    'import org.springframework.context.annotation.Bean;',
    'import org.springframework.context.annotation.Configuration;',
    'import org.springframework.security.config.Customizer;',
    'import org.springframework.security.config.annotation.web.builders.HttpSecurity;',
    'import org.springframework.security.web.SecurityFilterChain;',
    'import org.springframework.web.cors.CorsConfiguration;',
    'import org.springframework.web.cors.CorsConfigurationSource;',
    'import org.springframework.web.cors.UrlBasedCorsConfigurationSource;',
    '',
    '@Configuration',
    'public class CorsConfig {',
    '',
    '    @Bean',
    '    CorsConfigurationSource corsConfigurationSource() {',
    '        CorsConfiguration config = new CorsConfiguration();',
    ...settings,
    '        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();',
    '        source.registerCorsConfiguration("/**", config);',
    '        return source;',
    '    }',
    '',
    '    // Merge http.cors(...) into your existing SecurityFilterChain: it puts the CorsFilter before',
    '    // authentication, so preflights are answered instead of getting 401.',
    '    @Bean',
    '    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {',
    '        http.cors(Customizer.withDefaults());',
    '        // ... your existing authorizeHttpRequests(...), csrf(...), etc.',
    '        return http.build();',
    '    }',
    '}',
    '',
  ].join('\n');
}

/** The same allow-list as a WebMvcConfigurer's CORS mapping, for apps without Spring Security. */
function webMvcMapping(ctx: RecipeContext): string {
  return `registry.addMapping("/**").allowedOrigins(${ctx.origins.map(javaString).join(', ')}).allowedMethods(${ctx.methods.map(javaString).join(', ')})`;
}

/** Spring Boot with Spring Security and a CorsConfigurationSource. */
export const SPRING = {
  id: 'spring',
  label: 'Spring Boot (Spring Security + CorsConfigurationSource)',
  language: 'java',
  snippet,
  placeholders: [],
  pitfalls: PITFALLS,
  where:
    'A new @Configuration class in your application package (Spring Boot 3 / Spring Security 6). If you already have a SecurityFilterChain bean, add http.cors(Customizer.withDefaults()) to it instead of declaring a second one.',
  notes: [
    (ctx) =>
      `Without Spring Security, a WebMvcConfigurer does the same: override addCorsMappings with ${webMvcMapping(ctx)} and the same headers, credentials and maxAge. Spring adds Vary: Origin itself.`,
  ],
  duplicateOriginChange:
    'Remove every response.setHeader / addHeader("Access-Control-Allow-Origin", …) from your controllers and servlet filters: the CORS configuration sends the header.',
} satisfies StackDefinition<'spring'>;
