package dk.kk.ks.flow.platform;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;

/** Amounts in Danish notation for texts people read (work notes, letters): {@code -12.150,00 kr.} */
public final class Kroner {

    private Kroner() {
    }

    public static String format(BigDecimal amount) {
        DecimalFormatSymbols symbols = new DecimalFormatSymbols();
        symbols.setDecimalSeparator(',');
        symbols.setGroupingSeparator('.');
        symbols.setMinusSign('-');
        DecimalFormat format = new DecimalFormat("#,##0.00", symbols);
        return format.format(amount.setScale(2, RoundingMode.HALF_UP)) + " kr.";
    }

    public static String format(double amount) {
        return format(BigDecimal.valueOf(amount));
    }
}
