package io.lumasync.sync;

/**
 * The AI settings as the app shows them: the service's address, the vision model for alt text, the language alt
 * text is written in where a destination names none, the monthly budget and what was spent this month (US
 * dollars), and whether an API key is stored (the key itself is never read back).
 */
public record AiSetup(String endpoint, String altModel, String language, double monthlyBudget, double spentThisMonth,
                      boolean keyStored) {
}
