namespace Koban.Domain.Common;

/// <summary>
/// Every <see cref="DomainException.Code"/> the domain raises. Codes are a public contract (clients switch on them):
/// never rename one, add a new one instead. Each summary gives the French and English message the API shows;
/// placeholders in braces name entries of <see cref="DomainException.Arguments"/>.
/// </summary>
public static class ErrorCodes
{
    /// <summary>fr: Ce document est validé : son contenu ne peut plus être modifié. en: This document is validated: its content can no longer be changed.</summary>
    public const string DocumentFrozen = "document_frozen";

    /// <summary>fr: La raison sociale est obligatoire. en: The company name is required.</summary>
    public const string CompanyNameRequired = "company_name_required";

    /// <summary>fr: Le capital social ne peut pas être négatif. en: The share capital cannot be negative.</summary>
    public const string ShareCapitalNegative = "share_capital_negative";

    /// <summary>fr: Le numéro de TVA français ne correspond pas au SIREN de l'entreprise. en: The French VAT number does not belong to the company's SIREN.</summary>
    public const string VatNumberSirenMismatch = "vat_number_siren_mismatch";

    /// <summary>fr: Une entreprise en franchise en base de TVA (art. 293 B du CGI) ne facture pas de TVA et ne peut donc pas opter pour la TVA sur les débits. en: A company under the VAT franchise (CGI art. 293 B) charges no VAT, so it cannot opt for VAT on debits.</summary>
    public const string VatFranchiseExcludesDebits = "vat_franchise_excludes_debits";

    /// <summary>fr: Le SIREN doit comporter 9 chiffres. en: The SIREN must have 9 digits.</summary>
    public const string SirenInvalidFormat = "siren_invalid_format";

    /// <summary>fr: Le SIREN est invalide (clé de contrôle). en: The SIREN check digit is invalid.</summary>
    public const string SirenInvalidCheckDigit = "siren_invalid_check_digit";

    /// <summary>fr: Le SIRET doit comporter 14 chiffres. en: The SIRET must have 14 digits.</summary>
    public const string SiretInvalidFormat = "siret_invalid_format";

    /// <summary>fr: Le SIRET est invalide (clé de contrôle). en: The SIRET check digit is invalid.</summary>
    public const string SiretInvalidCheckDigit = "siret_invalid_check_digit";

    /// <summary>fr: Le numéro de TVA intracommunautaire n'a pas le format attendu pour ce pays. en: The VAT number does not have the format expected for its country.</summary>
    public const string VatNumberInvalidFormat = "vat_number_invalid_format";

    /// <summary>fr: Le numéro de TVA doit commencer par le code d'un pays de l'Union européenne. en: The VAT number must start with the code of a European Union country.</summary>
    public const string VatNumberUnsupportedCountry = "vat_number_unsupported_country";

    /// <summary>fr: La clé du numéro de TVA ne correspond pas au SIREN. en: The VAT number key does not match the SIREN.</summary>
    public const string VatNumberInvalidKey = "vat_number_invalid_key";

    /// <summary>fr: Le SIREN contenu dans le numéro de TVA est invalide. en: The SIREN inside the VAT number is invalid.</summary>
    public const string VatNumberInvalidSiren = "vat_number_invalid_siren";

    /// <summary>fr: L'IBAN doit commencer par un code pays et deux chiffres, suivis de lettres et de chiffres. en: The IBAN must start with a country code and two digits, followed by letters and digits.</summary>
    public const string IbanInvalidFormat = "iban_invalid_format";

    /// <summary>fr: Les IBAN de ce pays ({country}) ne sont pas acceptés. en: IBANs from this country ({country}) are not accepted.</summary>
    public const string IbanUnsupportedCountry = "iban_unsupported_country";

    /// <summary>fr: Un IBAN {country} comporte {expectedLength} caractères. en: An IBAN from {country} has {expectedLength} characters.</summary>
    public const string IbanInvalidLength = "iban_invalid_length";

    /// <summary>fr: L'IBAN est invalide (clé de contrôle). en: The IBAN check digits are invalid.</summary>
    public const string IbanInvalidChecksum = "iban_invalid_checksum";

    /// <summary>fr: Le BIC doit comporter 8 ou 11 caractères (banque, pays, localité, agence). en: The BIC must have 8 or 11 characters (bank, country, location, branch).</summary>
    public const string BicInvalidFormat = "bic_invalid_format";

    /// <summary>fr: Ce type de conditions de paiement est inconnu. en: This kind of payment terms is unknown.</summary>
    public const string PaymentTermsKindInvalid = "payment_terms_kind_invalid";

    /// <summary>fr: Le nombre de jours doit être compris entre 0 et {maximumDays}. en: The number of days must be between 0 and {maximumDays}.</summary>
    public const string PaymentTermsDaysOutOfRange = "payment_terms_days_out_of_range";

    /// <summary>fr: Un paiement à réception ne prend pas de nombre de jours. en: Payment on receipt takes no number of days.</summary>
    public const string PaymentTermsOnReceiptWithDays = "payment_terms_on_receipt_with_days";

    /// <summary>fr: Entre professionnels, le délai de paiement ne peut dépasser {maximumDays} jours (art. L441-10 du Code de commerce). en: Between businesses, payment terms may not exceed {maximumDays} days (French Commercial Code, art. L441-10).</summary>
    public const string PaymentTermsBeyondLegalMaximum = "payment_terms_beyond_legal_maximum";

    /// <summary>fr: La première ligne de l'adresse est obligatoire. en: The first address line is required.</summary>
    public const string AddressLine1Required = "address_line1_required";

    /// <summary>fr: La ville est obligatoire. en: The city is required.</summary>
    public const string AddressCityRequired = "address_city_required";

    /// <summary>fr: Le code postal est invalide (5 chiffres en France). en: The postal code is invalid (5 digits in France).</summary>
    public const string PostalCodeInvalid = "postal_code_invalid";

    /// <summary>fr: Le pays doit être un code ISO 3166 à deux lettres (ex. FR). en: The country must be a two-letter ISO 3166 code (e.g. FR).</summary>
    public const string CountryCodeInvalid = "country_code_invalid";

    /// <summary>fr: Le taux des pénalités de retard doit être compris entre 0 et 100 %. en: The late-payment penalty rate must be between 0 and 100%.</summary>
    public const string LatePenaltyRateOutOfRange = "late_penalty_rate_out_of_range";

    /// <summary>fr: Le taux des pénalités de retard ne peut être inférieur à trois fois le taux d'intérêt légal, soit {minimumRate} % (art. L441-10 du Code de commerce). en: The late-payment penalty rate may not be lower than three times the legal interest rate, i.e. {minimumRate}% (French Commercial Code, art. L441-10).</summary>
    public const string LatePenaltyRateBelowLegalMinimum = "late_penalty_rate_below_legal_minimum";

    /// <summary>fr: Le mois de début d'exercice doit être compris entre 1 et 12. en: The fiscal year start month must be between 1 and 12.</summary>
    public const string FiscalYearStartMonthInvalid = "fiscal_year_start_month_invalid";

    /// <summary>fr: Cette action n'est pas possible dans l'état actuel du document ({status}). en: This action is not possible in the document's current state ({status}).</summary>
    public const string InvalidStateTransition = "invalid_state_transition";

    /// <summary>fr: Seul un brouillon peut être supprimé. en: Only a draft can be deleted.</summary>
    public const string DocumentNotDeletable = "document_not_deletable";

    /// <summary>fr: Le numéro du document est obligatoire. en: The document number is required.</summary>
    public const string DocumentNumberRequired = "document_number_required";

    /// <summary>fr: Le document doit comporter au moins une ligne chiffrée. en: The document needs at least one priced line.</summary>
    public const string DocumentHasNoPricedLine = "document_has_no_priced_line";

    /// <summary>fr: Le total TTC du document ne peut pas être négatif. en: The document total including VAT cannot be negative.</summary>
    public const string DocumentTotalNegative = "document_total_negative";

    /// <summary>fr: Seul l'euro (EUR) est accepté pour le moment. en: Only the euro (EUR) is supported for now.</summary>
    public const string CurrencyNotSupported = "currency_not_supported";

    /// <summary>fr: La désignation de la ligne est obligatoire. en: The line description is required.</summary>
    public const string LineDescriptionRequired = "line_description_required";

    /// <summary>fr: La quantité accepte au plus 3 décimales. en: The quantity takes at most 3 decimals.</summary>
    public const string LineQuantityTooPrecise = "line_quantity_too_precise";

    /// <summary>fr: Le prix unitaire accepte au plus 4 décimales. en: The unit price takes at most 4 decimals.</summary>
    public const string LineUnitPriceTooPrecise = "line_unit_price_too_precise";

    /// <summary>fr: La remise doit être comprise entre 0 et 100 %, avec au plus 2 décimales. en: The discount must be between 0 and 100%, with at most 2 decimals.</summary>
    public const string LineDiscountOutOfRange = "line_discount_out_of_range";

    /// <summary>fr: Une ligne de titre ou de commentaire ne porte ni quantité, ni prix, ni remise, ni produit. en: A title or comment line carries no quantity, price, discount or product.</summary>
    public const string LayoutLineHasAmounts = "layout_line_has_amounts";

    /// <summary>fr: Une ligne de type produit doit désigner un produit. en: A product line must refer to a product.</summary>
    public const string LineProductRequired = "line_product_required";

    /// <summary>fr: Seule une ligne de type produit peut désigner un produit. en: Only a product line may refer to a product.</summary>
    public const string LineProductNotAllowed = "line_product_not_allowed";

    /// <summary>fr: Ce type de ligne est inconnu. en: This kind of line is unknown.</summary>
    public const string LineKindInvalid = "line_kind_invalid";

    /// <summary>fr: Le taux de TVA doit être compris entre 0 et 100 %, avec au plus 2 décimales. en: The VAT rate must be between 0 and 100%, with at most 2 decimals.</summary>
    public const string VatRateOutOfRange = "vat_rate_out_of_range";

    /// <summary>fr: Ce taux de TVA n'est pas autorisé (taux possibles : {allowedRates}). en: This VAT rate is not allowed (allowed rates: {allowedRates}).</summary>
    public const string VatRateNotAllowed = "vat_rate_not_allowed";

    /// <summary>fr: La catégorie de TVA ne correspond pas au taux : taux normal (S) au-dessus de 0 %, les autres catégories à 0 %. en: The VAT category does not match the rate: standard (S) above 0%, every other category at 0%.</summary>
    public const string VatCategoryRateMismatch = "vat_category_rate_mismatch";

    /// <summary>fr: Un taux de TVA à 0 % doit citer le motif d'exonération. en: A 0% VAT rate must state the exemption reason.</summary>
    public const string VatExemptionReasonRequired = "vat_exemption_reason_required";

    /// <summary>fr: Cette unité est inconnue. en: This unit is unknown.</summary>
    public const string UnitCodeUnknown = "unit_code_unknown";

    /// <summary>fr: Le code article doit comporter de 1 à {maximumLength} caractères. en: The product code must have 1 to {maximumLength} characters.</summary>
    public const string ProductCodeInvalid = "product_code_invalid";

    /// <summary>fr: Le nom de l'article est obligatoire. en: The product name is required.</summary>
    public const string ProductNameRequired = "product_name_required";

    /// <summary>fr: Le prix unitaire HT ne peut pas être négatif. en: The unit price excluding VAT cannot be negative.</summary>
    public const string ProductUnitPriceNegative = "product_unit_price_negative";

    /// <summary>fr: La nature de l'article doit être un bien ou un service. en: The product nature must be goods or a service.</summary>
    public const string ProductNatureInvalid = "product_nature_invalid";

    /// <summary>fr: Un article de type contrat exige une périodicité et une durée de 1 à {maximumMonths} mois ; les autres n'en ont pas. en: A contract product needs a periodicity and a term of 1 to {maximumMonths} months; other products have neither.</summary>
    public const string ContractTermsInvalid = "contract_terms_invalid";

    /// <summary>fr: Cet article n'est pas proposé à la vente. en: This product is not for sale.</summary>
    public const string ProductNotForSale = "product_not_for_sale";

    /// <summary>fr: Le nom du client est obligatoire. en: The customer name is required.</summary>
    public const string CustomerNameRequired = "customer_name_required";

    /// <summary>fr: Le type de client doit être professionnel ou particulier. en: The customer kind must be business or individual.</summary>
    public const string CustomerKindInvalid = "customer_kind_invalid";

    /// <summary>fr: Ce régime de TVA est inconnu. en: This VAT regime is unknown.</summary>
    public const string VatRegimeInvalid = "vat_regime_invalid";

    /// <summary>fr: Le régime de TVA ne correspond pas au pays du client. en: The VAT regime does not match the customer's country.</summary>
    public const string VatRegimeCountryMismatch = "vat_regime_country_mismatch";

    /// <summary>fr: Le régime intracommunautaire ne s'applique qu'aux clients professionnels. en: The intra-EU regime applies to business customers only.</summary>
    public const string VatRegimeRequiresBusiness = "vat_regime_requires_business";

    /// <summary>fr: Un client professionnel d'un autre pays de l'Union européenne doit avoir un numéro de TVA intracommunautaire valide. en: A business customer from another European Union country needs a valid intra-EU VAT number.</summary>
    public const string CustomerVatNumberRequired = "customer_vat_number_required";

    /// <summary>fr: Le numéro de TVA doit être celui d'un autre pays de l'Union européenne que la France. en: The VAT number must belong to a European Union country other than France.</summary>
    public const string CustomerVatNumberCountryMismatch = "customer_vat_number_country_mismatch";

    /// <summary>fr: Le SIREN est obligatoire pour un client professionnel français (art. 242 nonies A de l'annexe II du CGI). en: The SIREN is required for a French business customer (CGI annex II, art. 242 nonies A).</summary>
    public const string CustomerSirenRequired = "customer_siren_required";

    /// <summary>fr: Le SIRET ne commence pas par le SIREN indiqué. en: The SIRET does not start with the given SIREN.</summary>
    public const string SiretSirenMismatch = "siret_siren_mismatch";

    /// <summary>fr: Le compte auxiliaire doit comporter de 1 à {maximumLength} lettres majuscules ou chiffres. en: The auxiliary account must have 1 to {maximumLength} upper-case letters or digits.</summary>
    public const string AccountingCodeInvalid = "accounting_code_invalid";

    /// <summary>fr: Le contact doit avoir un nom ou un prénom. en: The contact needs a last or first name.</summary>
    public const string ContactNameRequired = "contact_name_required";

    /// <summary>fr: L'adresse e-mail est invalide. en: The e-mail address is invalid.</summary>
    public const string ContactEmailInvalid = "contact_email_invalid";

    /// <summary>fr: Ce contact n'appartient pas à ce client. en: This contact does not belong to this customer.</summary>
    public const string ContactNotFound = "contact_not_found";

    /// <summary>fr: Le libellé de l'adresse de livraison est obligatoire. en: The delivery address label is required.</summary>
    public const string DeliveryAddressLabelRequired = "delivery_address_label_required";

    /// <summary>fr: Cette adresse de livraison n'appartient pas à ce client. en: This delivery address does not belong to this customer.</summary>
    public const string DeliveryAddressNotFound = "delivery_address_not_found";

    /// <summary>fr: Le client facturé n'a pas d'adresse de facturation. en: The invoiced customer has no billing address.</summary>
    public const string CustomerBillingAddressMissing = "customer_billing_address_missing";

    /// <summary>fr: La date de validité du devis ne peut pas précéder sa date. en: The quote's validity date cannot precede its date.</summary>
    public const string QuoteValidityBeforeQuoteDate = "quote_validity_before_quote_date";

    /// <summary>fr: Seul un devis accepté peut devenir une commande. en: Only an accepted quote can become an order.</summary>
    public const string QuoteNotAccepted = "quote_not_accepted";

    /// <summary>fr: Ce devis a dépassé sa date de validité : dupliquez-le pour en émettre un nouveau. en: This quote is past its validity date: duplicate it to issue a new one.</summary>
    public const string QuoteExpired = "quote_expired";

    /// <summary>fr: L'intitulé de l'opportunité est obligatoire. en: The opportunity title is required.</summary>
    public const string OpportunityTitleRequired = "opportunity_title_required";

    /// <summary>fr: Le montant ne peut pas être négatif. en: The amount cannot be negative.</summary>
    public const string AmountNegative = "amount_negative";

    /// <summary>fr: Un montant accepte au plus 2 décimales. en: An amount takes at most 2 decimals.</summary>
    public const string AmountTooPrecise = "amount_too_precise";

    /// <summary>fr: La raison de la perte est obligatoire. en: The reason for losing is required.</summary>
    public const string LostReasonRequired = "lost_reason_required";

    /// <summary>fr: Le motif d'annulation est obligatoire. en: The cancellation reason is required.</summary>
    public const string CancellationReasonRequired = "cancellation_reason_required";

    /// <summary>fr: Cette commande a déjà été facturée ou livrée : elle ne peut plus être annulée. en: This order has already been invoiced or delivered: it can no longer be cancelled.</summary>
    public const string OrderHasInvoicingOrDelivery = "order_has_invoicing_or_delivery";

    /// <summary>fr: La commande doit être validée (en cours) pour cette opération. en: The order must be validated (in progress) for this operation.</summary>
    public const string OrderNotValidated = "order_not_validated";

    /// <summary>fr: Cette ligne n'appartient pas à la commande ou n'est pas chiffrée. en: This line is not a priced line of the order.</summary>
    public const string OrderLineNotFound = "order_line_not_found";

    /// <summary>fr: La commande ne comporte aucune ligne à ce taux de TVA ({rate} %). en: The order has no line at this VAT rate ({rate}%).</summary>
    public const string VatRateNotOnOrder = "vat_rate_not_on_order";

    /// <summary>fr: Le montant dépasse le reste à facturer ({leftToInvoice} €). en: The amount exceeds what is left to invoice ({leftToInvoice} €).</summary>
    public const string BeyondLeftToInvoice = "beyond_left_to_invoice";

    /// <summary>fr: L'avoir dépasse le montant facturé ({invoiced} €). en: The credit exceeds the invoiced amount ({invoiced} €).</summary>
    public const string CreditBeyondInvoiced = "credit_beyond_invoiced";

    /// <summary>fr: La déduction dépasse les acomptes restant à déduire ({remaining} €). en: The deduction exceeds the deposits left to deduct ({remaining} €).</summary>
    public const string DeductionBeyondDeposits = "deduction_beyond_deposits";

    /// <summary>fr: La quantité livrée ne peut dépasser la quantité commandée ({ordered}) ni devenir négative. en: The delivered quantity can neither exceed the ordered quantity ({ordered}) nor become negative.</summary>
    public const string BeyondOrderedQuantity = "beyond_ordered_quantity";

    /// <summary>fr: Ce motif d'avoir est inconnu. en: This credit note reason is unknown.</summary>
    public const string CreditReasonInvalid = "credit_reason_invalid";

    /// <summary>fr: L'échéancier dépasse le total HT de la commande ({orderTotal} €). en: The billing schedule exceeds the order total excluding VAT ({orderTotal} €).</summary>
    public const string BillingScheduleExceedsOrder = "billing_schedule_exceeds_order";

    /// <summary>fr: Une échéance se définit par un pourcentage (0 à 100 %) ou par un montant HT positif, pas les deux. en: A milestone is defined by a percentage (0 to 100%) or by a positive amount excluding VAT, not both.</summary>
    public const string MilestonePercentageOrAmount = "milestone_percentage_or_amount";

    /// <summary>fr: Le libellé de l'échéance est obligatoire. en: The milestone label is required.</summary>
    public const string MilestoneLabelRequired = "milestone_label_required";

    /// <summary>fr: Cette échéance n'appartient pas à l'échéancier. en: This milestone does not belong to the schedule.</summary>
    public const string MilestoneNotFound = "milestone_not_found";

    /// <summary>fr: Cette échéance est déjà facturée. en: This milestone is already invoiced.</summary>
    public const string MilestoneAlreadyInvoiced = "milestone_already_invoiced";

    /// <summary>fr: Le préfixe ou le séparateur de numérotation est invalide (12 et 3 caractères imprimables au plus). en: The numbering prefix or separator is invalid (at most 12 and 3 printable characters).</summary>
    public const string NumberingPrefixInvalid = "numbering_prefix_invalid";

    /// <summary>fr: Le compteur doit comporter de 1 à 10 chiffres. en: The counter must have 1 to 10 digits.</summary>
    public const string NumberingPaddingInvalid = "numbering_padding_invalid";

    /// <summary>fr: Le premier numéro doit être au moins 1. en: The first number must be at least 1.</summary>
    public const string NumberingFirstNumberInvalid = "numbering_first_number_invalid";

    /// <summary>fr: Un compteur remis à zéro chaque année doit faire figurer l'année dans le numéro, sinon un numéro reviendrait deux fois. en: A counter that restarts every year needs the year in the number, or a number would be issued twice.</summary>
    public const string NumberingResetNeedsYear = "numbering_reset_needs_year";

    /// <summary>fr: La numérotation ne peut plus être modifiée : un document de cette série a déjà été numéroté. en: The numbering can no longer change: a document of this series already has a number.</summary>
    public const string NumberingLocked = "numbering_locked";

    /// <summary>fr: La date ne peut pas être antérieure à celle du dernier document numéroté de la série ({lastDate}). en: The date cannot be earlier than the last numbered document of the series ({lastDate}).</summary>
    public const string NumberingBackdated = "numbering_backdated";

    /// <summary>fr: La date ne peut pas être antérieure au premier exercice tenu dans Koban (qui commence le {firstDate}). en: The date cannot be earlier than the first fiscal year kept in Koban (starting on {firstDate}).</summary>
    public const string DateBeforeFirstFiscalYear = "date_before_first_fiscal_year";

    /// <summary>fr: Un document fait référence à ce client : archivez-le plutôt que de le supprimer. en: A document references this customer: archive it instead of deleting it.</summary>
    public const string CustomerReferenced = "customer_referenced";

    /// <summary>fr: Un document utilise ce produit : archivez-le plutôt que de le supprimer. en: A document uses this product: archive it instead of deleting it.</summary>
    public const string ProductReferenced = "product_referenced";

    /// <summary>fr: L'opportunité a plusieurs devis acceptés : indiquez celui qui devient la commande (quoteId). en: The opportunity has several accepted quotes: name the one that becomes the order (quoteId).</summary>
    public const string QuoteChoiceRequired = "quote_choice_required";

    /// <summary>fr: Ce devis n'est pas un devis accepté de cette opportunité. en: This quote is not an accepted quote of this opportunity.</summary>
    public const string QuoteNotOfOpportunity = "quote_not_of_opportunity";

    /// <summary>fr: Une commande existe déjà pour ce devis. en: An order already exists for this quote.</summary>
    public const string QuoteAlreadyOrdered = "quote_already_ordered";

    /// <summary>fr: Ce client est archivé : il ne peut plus recevoir de nouveaux documents. en: This customer is archived: it cannot receive new documents.</summary>
    public const string CustomerArchived = "customer_archived";

    /// <summary>fr: Ce produit est archivé : il ne peut plus être ajouté à un document. en: This product is archived: it cannot be added to a document.</summary>
    public const string ProductArchived = "product_archived";

    /// <summary>fr: Aucune base HT ne donne exactement ce montant TTC (la TVA est arrondie au centime) : choisissez {below} ou {above}. en: No base gives exactly this amount including VAT (VAT is rounded to the cent): choose {below} or {above}.</summary>
    public const string AmountIncludingVatUnreachable = "amount_including_vat_unreachable";

    /// <summary>fr: La date du document ne peut pas être postérieure à aujourd'hui ({today}). en: The document date cannot be later than today ({today}).</summary>
    public const string IssueDateInFuture = "issue_date_in_future";

    /// <summary>fr: Mention obligatoire manquante sur le document : {mention}. Complétez la fiche de l'entreprise ou du client, puis validez à nouveau. en: Mandatory mention missing from the document: {mention}. Complete the company or customer record, then validate again.</summary>
    public const string MandatoryMentionMissing = "mandatory_mention_missing";

    /// <summary>fr: Ce type de facture ne s'applique pas à une commande. en: This invoice kind does not bill an order.</summary>
    public const string InvoiceKindInvalid = "invoice_kind_invalid";

    /// <summary>fr: Il ne reste rien à facturer sur cette commande. en: Nothing is left to invoice on this order.</summary>
    public const string NothingLeftToInvoice = "nothing_left_to_invoice";

    /// <summary>fr: Les lignes d'une facture de commande découlent de la commande : supprimez le brouillon et créez-en un autre. en: The lines of an order invoice follow from the order: delete the draft and create another.</summary>
    public const string InvoiceLinesFollowOrder = "invoice_lines_follow_order";

    /// <summary>fr: Une facture intermédiaire demande un pourcentage, un montant HT ou des lignes. en: An intermediate invoice needs a percentage, an amount excluding VAT or lines.</summary>
    public const string IntermediateBasisRequired = "intermediate_basis_required";

    /// <summary>fr: Cette ligne est facturée par son contrat d'abonnement. en: This line is billed by its subscription contract.</summary>
    public const string ContractLineBilledByContract = "contract_line_billed_by_contract";

    /// <summary>fr: La quantité doit être positive, avec au plus 3 décimales. en: The quantity must be positive, with at most 3 decimals.</summary>
    public const string LineQuantityInvalid = "line_quantity_invalid";

    /// <summary>fr: Un acompte demande un pourcentage entre 0 et 100 ou un montant positif au centime. en: A deposit needs a percentage between 0 and 100 or a positive amount in cents.</summary>
    public const string DepositAmountInvalid = "deposit_amount_invalid";

    /// <summary>fr: Une partie de cette facture a été créditée par montant : choisissez des lignes ou un montant. en: Part of this invoice was credited by amount: choose lines or an amount.</summary>
    public const string InvoicePartlyCreditedByAmount = "invoice_partly_credited_by_amount";

    /// <summary>fr: Cette ligne n'existe pas sur la facture. en: This line is not on the invoice.</summary>
    public const string InvoiceLineNotFound = "invoice_line_not_found";

    /// <summary>fr: Le montant de l'avoir doit être positif, au centime, HT ou TTC. en: The credit amount must be positive, in cents, excluding or including VAT.</summary>
    public const string CreditAmountInvalid = "credit_amount_invalid";

    /// <summary>fr: Seule une facture validée peut faire l'objet d'un avoir ; un brouillon se modifie ou se supprime. en: Only a validated invoice can be credited; a draft is edited or deleted.</summary>
    public const string InvoiceNotValidated = "invoice_not_validated";

    /// <summary>fr: Un avoir ne peut pas être daté avant la facture qu'il corrige ({invoiceDate}). en: A credit note cannot be dated before the invoice it corrects ({invoiceDate}).</summary>
    public const string CreditNoteBeforeInvoice = "credit_note_before_invoice";

    /// <summary>fr: Le total d'un avoir doit être positif. en: A credit note total must be positive.</summary>
    public const string CreditNoteTotalNotPositive = "credit_note_total_not_positive";

    /// <summary>fr: Il ne reste rien à créditer sur cette facture. en: Nothing is left to credit on this invoice.</summary>
    public const string NothingLeftToCredit = "nothing_left_to_credit";

    /// <summary>fr: Le texte contient une variable inconnue {placeholder} (variables possibles : {allowed}). en: The text contains an unknown placeholder {placeholder} (allowed: {allowed}).</summary>
    public const string TemplatePlaceholderUnknown = "template_placeholder_unknown";

    /// <summary>fr: Période de clôture invalide : une année à partir de 2000 et, pour un mois, un mois de 1 à 12. en: Invalid closure period: a year from 2000 and, for a month, a month from 1 to 12.</summary>
    public const string ClosurePeriodInvalid = "closure_period_invalid";

    /// <summary>fr: La période {period} est déjà clôturée. en: The period {period} is already closed.</summary>
    public const string ClosureAlreadyClosed = "closure_already_closed";

    /// <summary>fr: La période {period} n'est pas terminée : elle se clôture à partir du lendemain du {end}. en: The period {period} has not ended: it can be closed from the day after {end}.</summary>
    public const string ClosurePeriodNotEnded = "closure_period_not_ended";

    /// <summary>fr: Les mois se clôturent dans l'ordre : {lastClosed} est déjà clôturé. en: Months are closed in order: {lastClosed} is already closed.</summary>
    public const string ClosureOutOfOrder = "closure_out_of_order";

    /// <summary>fr: Le mois {month} contient des documents et n'est pas clôturé : clôturez-le d'abord. en: The month {month} has documents and is not closed: close it first.</summary>
    public const string ClosurePreviousMonthOpen = "closure_previous_month_open";

    /// <summary>fr: L'exercice se clôture après son dernier mois ({month}). en: The fiscal year is closed after its last month ({month}).</summary>
    public const string ClosureMonthsOpen = "closure_months_open";

    /// <summary>fr: La période du {date} est clôturée : choisissez une date postérieure au {closedUntil}. en: The period of {date} is closed: choose a date after {closedUntil}.</summary>
    public const string PeriodClosed = "period_closed";

    /// <summary>fr: Le contact de facturation du client n'a pas d'adresse e-mail : indiquez les destinataires. en: The customer's billing contact has no e-mail address: give the recipients.</summary>
    public const string NoRecipient = "no_recipient";

    /// <summary>fr: Seul un document validé peut être envoyé : un brouillon n'est pas une facture. en: Only a validated document can be sent: a draft is not an invoice.</summary>
    public const string DocumentNotValidated = "document_not_validated";

    /// <summary>fr: Une séquence de relances compte de 1 à {max} niveaux. en: A reminder sequence has 1 to {max} levels.</summary>
    public const string ReminderLevelsCount = "reminder_levels_count";

    /// <summary>fr: Chaque niveau de relance a un nom, un objet et un texte. en: Each reminder level needs a name, a subject and a body.</summary>
    public const string ReminderLevelTextRequired = "reminder_level_text_required";

    /// <summary>fr: Le niveau {level} doit venir après le précédent ({previous} jours) et au plus {max} jours après l'échéance. en: Level {level} must come after the previous one ({previous} days) and at most {max} days after the due date.</summary>
    public const string ReminderLevelDaysOrder = "reminder_level_days_order";

    /// <summary>fr: Le montant doit être supérieur à zéro. en: The amount must be greater than zero.</summary>
    public const string PaymentAmountNotPositive = "payment_amount_not_positive";

    /// <summary>fr: Le montant affecté à {reference} dépasse ce qui reste dû ({remaining} €). en: The amount allocated to {reference} exceeds what is still due ({remaining} €).</summary>
    public const string AllocationExceedsOutstanding = "allocation_exceeds_outstanding";

    /// <summary>fr: Le montant affecté dépasse ce qui reste disponible sur {reference} ({remaining} €). en: The amount allocated exceeds what is left on {reference} ({remaining} €).</summary>
    public const string AllocationExceedsAvailable = "allocation_exceeds_available";

    /// <summary>fr: Un règlement ou un avoir ne règle que les factures de son propre client. en: A payment or credit note only settles invoices of its own customer.</summary>
    public const string AllocationOtherCustomer = "allocation_other_customer";

    /// <summary>fr: Seule une facture validée peut recevoir un règlement. en: Only a validated invoice can receive a payment.</summary>
    public const string AllocationTargetInvalid = "allocation_target_invalid";

    /// <summary>fr: Indiquez le motif du litige. en: Say why the invoice is disputed.</summary>
    public const string DisputeReasonRequired = "dispute_reason_required";

    /// <summary>fr: Seule une facture peut être mise en litige. en: Only an invoice can be disputed.</summary>
    public const string DisputeOnlyOnInvoices = "dispute_only_on_invoices";

    /// <summary>fr: Ce règlement est annulé. en: This payment is cancelled.</summary>
    public const string PaymentCancelled = "payment_cancelled";

    /// <summary>fr: Ce règlement n'est rattaché à aucun client : identifiez d'abord le client. en: This payment belongs to no customer yet: identify the customer first.</summary>
    public const string PaymentUnidentified = "payment_unidentified";

    /// <summary>fr: Ce règlement est déjà rattaché à un client. en: This payment already belongs to a customer.</summary>
    public const string PaymentAlreadyIdentified = "payment_already_identified";

    /// <summary>fr: Les frais bancaires ne peuvent être ni négatifs ni supérieurs au montant, et ne s'appliquent qu'aux encaissements. en: Bank fees cannot be negative or exceed the amount, and only apply to receipts.</summary>
    public const string BankFeesInvalid = "bank_fees_invalid";

    /// <summary>fr: Un règlement ne peut pas être daté après aujourd'hui ({today}). en: A payment cannot be dated later than today ({today}).</summary>
    public const string PaymentDateInFuture = "payment_date_in_future";

    /// <summary>fr: Un remboursement est versé à un client : choisissez-le. en: A refund is paid to a customer: choose one.</summary>
    public const string RefundNeedsCustomer = "refund_needs_customer";

    /// <summary>fr: Le remboursement dépasse le crédit disponible du client ({available} €). en: The refund exceeds the customer's available credit ({available} €).</summary>
    public const string RefundBeyondCredit = "refund_beyond_credit";

    /// <summary>fr: Compte bancaire inconnu : choisissez l'un des comptes des paramètres comptables. en: Unknown bank account: choose one from the accounting settings.</summary>
    public const string BankAccountUnknown = "bank_account_unknown";

    /// <summary>fr: Gardez au moins un compte bancaire. en: Keep at least one bank account.</summary>
    public const string BankAccountRequired = "bank_account_required";

    /// <summary>fr: Chaque compte bancaire doit avoir son propre code. en: Each bank account needs its own code.</summary>
    public const string BankAccountCodesNotDistinct = "bank_account_codes_not_distinct";

    /// <summary>fr: La référence du règlement est trop longue (100 caractères au plus). en: The payment reference is too long (100 characters at most).</summary>
    public const string PaymentReferenceTooLong = "payment_reference_too_long";

    /// <summary>fr: Un code journal comporte de 1 à 8 lettres ou chiffres. en: A journal code has 1 to 8 letters or digits.</summary>
    public const string JournalCodeInvalid = "journal_code_invalid";

    /// <summary>fr: Chaque journal doit avoir son propre code. en: Each journal needs its own code.</summary>
    public const string JournalCodesNotDistinct = "journal_codes_not_distinct";

    /// <summary>fr: Un numéro de compte comporte de 3 à 20 chiffres ou lettres majuscules (reçu : {value}). en: An account number has 3 to 20 digits or capital letters (got: {value}).</summary>
    public const string AccountNumberInvalid = "account_number_invalid";

    /// <summary>fr: Seul un petit écart peut être passé en perte ou en profit : {limit} € au plus (paramètres comptables). en: Only a small difference can be written off: {limit} € at most (accounting settings).</summary>
    public const string WriteOffBeyondLimit = "write_off_beyond_limit";

    /// <summary>fr: Il ne reste rien à solder. en: There is nothing left to write off.</summary>
    public const string WriteOffNothingLeft = "write_off_nothing_left";

    /// <summary>fr: Cet avoir n'a plus de montant disponible. en: This credit note has nothing left to use.</summary>
    public const string CreditNoteNotAvailable = "credit_note_not_available";

    /// <summary>fr: L'export comptable n'est pas terminé : son fichier n'est pas encore disponible. en: The accounting export has not finished: its file is not available yet.</summary>
    public const string AccountingExportNotReady = "accounting_export_not_ready";

    /// <summary>fr: Un export comptable couvre un seul exercice : la période doit finir au plus tard le {fiscalYearEnd}, dernier jour de l'exercice de sa date de début. en: An accounting export covers one fiscal year only: the period must end on {fiscalYearEnd} at the latest, the last day of the fiscal year of its first day.</summary>
    public const string AccountingExportSpansFiscalYears = "accounting_export_spans_fiscal_years";

    /// <summary>fr: Ce format ne garde que {width} caractères des numéros de compte : {accounts} deviendraient un même compte. Donnez-leur des codes comptables qui diffèrent dans les {width} premiers caractères. en: This format keeps only {width} characters of account numbers: {accounts} would become one account. Give them accounting codes that differ within the first {width} characters.</summary>
    public const string AccountingExportAccountClash = "accounting_export_account_clash";

    /// <summary>fr: Cette facture est entièrement réglée : il n'y a rien à relancer. en: This invoice is paid in full: there is nothing to remind.</summary>
    public const string ReminderNothingDue = "reminder_nothing_due";

    /// <summary>fr: Il n'y a pas de niveau de relance {level} (la séquence en compte {count}). en: There is no reminder level {level} (the sequence has {count}).</summary>
    public const string ReminderLevelUnknown = "reminder_level_unknown";

    /// <summary>fr: Les pénalités de retard et l'indemnité forfaitaire ne s'appliquent qu'aux clients professionnels. en: Late-payment penalties and the fixed indemnity apply to business customers only.</summary>
    public const string LateFeesBusinessOnly = "late_fees_business_only";

    /// <summary>fr: Il n'y a rien à facturer : aucun intérêt de retard ni indemnité non encore facturés. en: There is nothing to invoice: no late-payment interest or indemnity not yet invoiced.</summary>
    public const string LateFeesNothingToInvoice = "late_fees_nothing_to_invoice";

    /// <summary>fr: Paramètres de facturation des contrats invalides : mode « Draft » ou « ValidateAndSend », rappel de 0 à 365 jours avant la date limite de préavis. en: Invalid contract billing settings: mode Draft or ValidateAndSend, reminder 0 to 365 days before the notice deadline.</summary>
    public const string ContractBillingSettingsInvalid = "contract_billing_settings_invalid";

    /// <summary>fr: Choisissez au moins une colonne, parmi les colonnes connues. en: Choose at least one column, among the known columns.</summary>
    public const string CsvColumnsInvalid = "csv_columns_invalid";

    /// <summary>fr: Le séparateur décimal est la virgule ou le point. en: The decimal mark is a comma or a point.</summary>
    public const string CsvDecimalMarkInvalid = "csv_decimal_mark_invalid";

    /// <summary>fr: Le séparateur ne peut être ni un guillemet, ni un saut de ligne, ni une lettre, ni un chiffre, ni le séparateur décimal. en: The separator cannot be a quote, a line break, a letter, a digit or the decimal mark.</summary>
    public const string CsvSeparatorInvalid = "csv_separator_invalid";

    /// <summary>fr: Indiquez un format de date valide (20 caractères au plus, ex. dd/MM/yyyy). en: Give a valid date format (20 characters at most, e.g. dd/MM/yyyy).</summary>
    public const string CsvDateFormatInvalid = "csv_date_format_invalid";

    /// <summary>fr: Les conditions du contrat ne sont pas valides : durée de 1 à {maximumMonths} mois, périodicité et terme de facturation connus, date de début entre 2000 et 2100. en: The contract terms are invalid: a term of 1 to {maximumMonths} months, a known periodicity and billing timing, a start date between 2000 and 2100.</summary>
    public const string ContractTermInvalid = "contract_term_invalid";

    /// <summary>fr: Le client du contrat est obligatoire. en: The contract's customer is required.</summary>
    public const string ContractCustomerRequired = "contract_customer_required";

    /// <summary>fr: La durée du contrat doit être un nombre entier de périodes de facturation ({periodMonths} mois). en: The contract term must be a whole number of billing periods ({periodMonths} months).</summary>
    public const string ContractTermNotWholePeriods = "contract_term_not_whole_periods";

    /// <summary>fr: Le préavis va de 0 à {maximumMonths} mois et doit être plus court que la durée du contrat. en: The notice is 0 to {maximumMonths} months and must be shorter than the contract term.</summary>
    public const string ContractNoticeInvalid = "contract_notice_invalid";

    /// <summary>fr: La révision demande un pourcentage (de {minimumPercentage} à {maximumPercentage}, 2 décimales) ou une valeur d'indice (positive, 4 décimales). en: The revision needs a percentage ({minimumPercentage} to {maximumPercentage}, 2 decimals) or an index value (positive, 4 decimals).</summary>
    public const string ContractRevisionInvalid = "contract_revision_invalid";

    /// <summary>fr: Ce contrat n'a pas de clause d'indexation : indiquez un pourcentage ou aucune révision. en: This contract has no index clause: give a percentage or no revision.</summary>
    public const string ContractIndexNotDefined = "contract_index_not_defined";

    /// <summary>fr: Le préavis n'est pas respecté : la résiliation peut prendre effet au plus tôt le {earliestDate} (date limite de préavis : {noticeDeadline}). en: The notice is not respected: the termination can take effect on {earliestDate} at the earliest (notice deadline: {noticeDeadline}).</summary>
    public const string ContractNoticeNotRespected = "contract_notice_not_respected";

    /// <summary>fr: La résiliation doit prendre effet au plus tard le {latestDate}, fin de la période d'engagement. en: The termination must take effect on {latestDate} at the latest, the end of the committed term.</summary>
    public const string ContractTerminationTooLate = "contract_termination_too_late";

    /// <summary>fr: La date limite de préavis ({noticeDeadline}) est passée : le contrat se renouvellera ; résiliez-le pour le {earliestDate}. en: The notice deadline ({noticeDeadline}) has passed: the contract will renew; terminate it for {earliestDate}.</summary>
    public const string ContractNoticePassed = "contract_notice_passed";

    /// <summary>fr: Le renouvellement de cette échéance est possible à partir du {opensOn}. en: This term can be renewed from {opensOn}.</summary>
    public const string ContractRenewalTooEarly = "contract_renewal_too_early";

    /// <summary>fr: Le motif de résiliation est obligatoire (500 caractères au plus). en: The termination reason is required (500 characters at most).</summary>
    public const string TerminationReasonRequired = "termination_reason_required";

    /// <summary>fr: Un contrat issu d'une commande garde le client et les lignes de la commande. en: A contract made from an order keeps the order's customer and lines.</summary>
    public const string ContractLinesFollowOrder = "contract_lines_follow_order";

    /// <summary>fr: Cette ligne de commande n'est pas une ligne d'abonnement (article de type contrat). en: This order line is not a subscription line (contract product).</summary>
    public const string OrderLineNotContract = "order_line_not_contract";

    /// <summary>fr: Cette ligne de commande est déjà couverte par le contrat {reference}. en: This order line is already under contract {reference}.</summary>
    public const string OrderLineUnderContract = "order_line_under_contract";

    /// <summary>fr: Les lignes d'un contrat doivent avoir la même périodicité et la même durée par défaut ; précisez-les. en: The contract's lines must share one default periodicity and term; give them explicitly.</summary>
    public const string ContractDefaultsDiffer = "contract_defaults_differ";
    /// <summary>fr: Le nom du projet est obligatoire. en: The project name is required.</summary>
    public const string ProjectNameRequired = "project_name_required";

    /// <summary>fr: Le client du projet est obligatoire. en: The project's customer is required.</summary>
    public const string ProjectCustomerRequired = "project_customer_required";

    /// <summary>fr: Un budget ne peut pas être négatif. en: A budget cannot be negative.</summary>
    public const string ProjectBudgetNegative = "project_budget_negative";

    /// <summary>fr: Le taux horaire ne peut pas être négatif. en: The hourly rate cannot be negative.</summary>
    public const string ProjectRateNegative = "project_rate_negative";

    /// <summary>fr: La date de fin du projet précède sa date de début. en: The project's end date is before its start date.</summary>
    public const string ProjectEndBeforeStart = "project_end_before_start";

    /// <summary>fr: Ce projet est terminé ou annulé ({status}) : on n'y saisit plus de temps. en: This project is done or cancelled ({status}): no time can be entered on it.</summary>
    public const string ProjectClosed = "project_closed";

    /// <summary>fr: Du temps a été saisi sur ce projet : il ne peut pas être supprimé (annulez-le plutôt). en: Time was entered on this project: it cannot be deleted (cancel it instead).</summary>
    public const string ProjectHasTime = "project_has_time";

    /// <summary>fr: Seuls les membres du projet y saisissent du temps. en: Only the project's members enter time on it.</summary>
    public const string ProjectMemberRequired = "project_member_required";

    /// <summary>fr: Une saisie de temps dure plus de 0 minute et au plus {maximum} minutes (24 h). en: A time entry lasts more than 0 minutes and at most {maximum} minutes (24 h).</summary>
    public const string TimeEntryMinutesOutOfRange = "time_entry_minutes_out_of_range";

    /// <summary>fr: Le temps saisi le {date} dépasserait 24 heures ({minutes} minutes). en: The time entered on {date} would exceed 24 hours ({minutes} minutes).</summary>
    public const string TimeDayOverLimit = "time_day_over_limit";

    /// <summary>fr: Ce temps est facturé : il ne peut plus être modifié ni supprimé. en: This time is invoiced: it can no longer be changed or deleted.</summary>
    public const string TimeEntryLocked = "time_entry_locked";

    /// <summary>fr: Ce temps n'est pas facturable. en: This time is not billable.</summary>
    public const string TimeEntryNotBillable = "time_entry_not_billable";

    /// <summary>fr: Il n'y a aucun temps facturable non encore facturé à facturer. en: There is no billable time not yet invoiced to invoice.</summary>
    public const string TimeNothingToInvoice = "time_nothing_to_invoice";

    /// <summary>fr: Une semaine de saisie commence un lundi. en: A timesheet week starts on a Monday.</summary>
    public const string TimesheetWeekStartNotMonday = "timesheet_week_start_not_monday";

    /// <summary>fr: Cette date n'est pas dans la semaine de la feuille de temps. en: This date is not in the timesheet's week.</summary>
    public const string TimesheetDateOutsideWeek = "timesheet_date_outside_week";

    /// <summary>fr: Ce projet et ce jour apparaissent deux fois dans la feuille de temps. en: This project and day appear twice in the timesheet.</summary>
    public const string TimesheetCellDuplicated = "timesheet_cell_duplicated";

    /// <summary>fr: Le temps d'un projet ne s'ajoute qu'à un brouillon de facture du client du projet. en: A project's time is added only to a draft invoice of the project's customer.</summary>
    public const string TimeInvoiceNotApplicable = "time_invoice_not_applicable";
    /// <summary>fr: Cette ligne de commande n'est pas livrable : son article n'est pas marqué « Livrable ». en: This order line is not deliverable: its product is not flagged Deliverable.</summary>
    public const string OrderLineNotDeliverable = "order_line_not_deliverable";

    /// <summary>fr: La quantité dépasse ce qui reste à livrer sur cette ligne ({leftToDeliver}). en: The quantity exceeds what is left to deliver on this line ({leftToDeliver}).</summary>
    public const string BeyondLeftToDeliver = "beyond_left_to_deliver";

    /// <summary>fr: Il ne reste rien à livrer sur cette commande. en: Nothing is left to deliver on this order.</summary>
    public const string NothingLeftToDeliver = "nothing_left_to_deliver";

    /// <summary>fr: Un bon de livraison comporte au moins une ligne. en: A delivery note has at least one line.</summary>
    public const string DeliveryNoteHasNoLine = "delivery_note_has_no_line";

    /// <summary>fr: La date de livraison ne peut pas précéder la date du bon de livraison ({issueDate}). en: The delivery date cannot be before the delivery note's date ({issueDate}).</summary>
    public const string DeliveryDateBeforeIssue = "delivery_date_before_issue";

    /// <summary>fr: Indiquez qui a réceptionné la livraison. en: Give who received the delivery.</summary>
    public const string DeliveryReceiverRequired = "delivery_receiver_required";

    /// <summary>fr: Ce bon de livraison est déjà facturé ({invoiceId}) : il ne peut être ni annulé ni facturé une seconde fois. en: This delivery note is already invoiced ({invoiceId}): it can neither be cancelled nor invoiced a second time.</summary>
    public const string DeliveryNoteInvoiced = "delivery_note_invoiced";

    /// <summary>fr: Seul un bon de livraison validé ou livré, non annulé, peut être facturé. en: Only a validated or delivered delivery note, not cancelled, can be invoiced.</summary>
    public const string DeliveryNoteNotInvoiceable = "delivery_note_not_invoiceable";

    /// <summary>fr: Les bons de livraison facturés ensemble doivent appartenir à une même commande. en: Delivery notes invoiced together must belong to one order.</summary>
    public const string DeliveryNotesOfSeveralOrders = "delivery_notes_of_several_orders";
}
